import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  array: 'a list',
  object: 'an object',
};

/** Zod messages as sentences that read well after a config path ("….mode must be …"). */
export const configErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return {
        message:
          issue.received === 'undefined'
            ? 'is required'
            : `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${
                issue.received
              }`,
      };
    case z.ZodIssueCode.invalid_enum_value:
      return {
        message: `must be one of ${issue.options
          .map(o => JSON.stringify(o))
          .join(', ')}, got ${JSON.stringify(issue.received)}`,
      };
    case z.ZodIssueCode.unrecognized_keys:
      return {
        message: `has unknown ${
          issue.keys.length === 1 ? 'key' : 'keys'
        } ${issue.keys.map(k => `"${k}"`).join(', ')}`,
      };
    default:
      return { message: ctx.defaultError };
  }
};

/** `['sharedCostPools', 2, 'weights']` → `finopsItam.sharedCostPools[2].weights`. */
export function formatConfigPath(path: (string | number)[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') {
      return `${out}[${part}]`;
    }
    return /^[A-Za-z_$][\w$]*$/.test(part)
      ? `${out}.${part}`
      : `${out}[${JSON.stringify(part)}]`;
  }, 'finopsItam');
}
