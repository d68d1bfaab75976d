import { ValidationError } from 'class-validator';
import { FieldProblem } from '../errors/domain-error';

/** Flattens class-validator's nested errors into one problem per failed constraint, with a dotted path. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = joinPath(parent, error.property);
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      problems.push({ field, code, message: message.replace(error.property, field) });
    }
    if (error.children?.length) problems.push(...toFieldProblems(error.children, field));
  }
  return problems;
}

function joinPath(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}
