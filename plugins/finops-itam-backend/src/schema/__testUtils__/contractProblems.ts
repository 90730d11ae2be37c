import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { spec } from '../openapi/generated';

/** An answer as a test saw it: supertest's response has these. */
export interface SeenAnswer {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
  text?: string;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The whole document, so that the schemas' `#/components/...` references resolve.
ajv.addSchema({ ...spec, $id: 'openapi.json' } as object);
const validators = new Map<string, ValidateFunction>();

/** JSON pointer escaping of one path segment. */
const escape = (segment: string) =>
  segment.replace(/~/g, '~0').replace(/\//g, '~1');

function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

/** The spec's path template that `path` (no query) matches, like `/teams/{namespace}/{name}/cost`. */
function templateOf(path: string): string | undefined {
  const parts = path.split('/');
  return Object.keys(spec.paths).find(template => {
    const templateParts = template.split('/');
    return (
      templateParts.length === parts.length &&
      templateParts.every(
        (part, i) => part === parts[i] || /^\{.+\}$/.test(part),
      )
    );
  });
}

/**
 * What in an answer the contract does not describe: an unknown route, an undocumented
 * status or content type, or a body its schema refuses (with each of Ajv's reasons).
 * Empty when the answer is one the spec allows.
 */
export function contractProblems(
  method: string,
  url: string,
  answer: SeenAnswer,
): string[] {
  const path = new URL(url, 'http://localhost').pathname.replace(
    /^\/api\/finops-itam/,
    '',
  );
  const template = templateOf(path);
  const operations = template
    ? (spec.paths as Record<string, Record<string, any>>)[template]
    : undefined;
  const operation = operations?.[method.toLowerCase()];
  if (!template || !operation) {
    return [`${method} ${path} is not in the contract`];
  }
  const where = `${method} ${template} answered ${answer.status}`;
  const status = String(answer.status);
  if (!operation.responses[status]) {
    return [`${where}, a status the contract does not list`];
  }
  const type = (answer.headers['content-type'] ?? '').split(';')[0].trim();
  let response = operation.responses[status];
  let pointer = `/paths/${escape(
    template,
  )}/${method.toLowerCase()}/responses/${status}`;
  if (response.$ref) {
    pointer = response.$ref.replace(/^#/, '');
    response = pointer
      .split('/')
      .slice(1)
      .reduce((node: any, key: string) => node[key], spec);
  }
  if (!response.content) {
    return type && answer.status !== 304 && (answer.text ?? '') !== ''
      ? [`${where} with a ${type} body the contract does not describe`]
      : [];
  }
  if (!response.content[type]) {
    return [
      `${where} as ${
        type || 'no content type'
      }, which the contract does not list`,
    ];
  }
  const validate = validatorAt(`${pointer}/content/${escape(type)}/schema`);
  const body = type === 'application/json' ? answer.body : answer.text;
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    error =>
      `${where}: ${error.instancePath || 'the body'} ${error.message}${
        error.params && 'additionalProperty' in error.params
          ? ` (${error.params.additionalProperty})`
          : ''
      }`,
  );
}
