/**
 * Props that show a problem the backend reported under a `@backstage/ui` field (its
 * `FieldError`), as react-aria shows any validation error: `aria-invalid` on the input and
 * the reason as its error text. Without a problem the field is valid.
 */
export function fieldProblem(problem: string | undefined) {
  return {
    validationBehavior: 'aria' as const,
    validate: () => problem ?? null,
  };
}
