import { ValidationError } from 'class-validator';
import { FieldProblem } from '../errors/domain-error';

/**
 * Presence, then type, then form: a value that is missing or of the wrong type is reported as such, not as
 * too long or out of range. Other checks keep their declaration order.
 */
const BASIC_CODES = ['isDefined', 'isNotNull', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'nestedValidation', 'isUuid', 'isIn'];

function mostBasic(constraints: Record<string, string>): [string, string] | undefined {
  const entries = Object.entries(constraints);
  for (const code of BASIC_CODES) {
    const found = entries.find(([name]) => name === code);
    if (found) return found;
  }
  return entries[0];
}

/** Flattens class-validator's nested errors into one problem per field (its most basic failure), with a dotted path. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = joinPath(parent, error.property);
    const first = mostBasic(error.constraints ?? {});
    if (first) problems.push({ field, code: first[0], message: first[1].replace(error.property, field) });
    if (error.children?.length) problems.push(...toFieldProblems(error.children, field));
  }
  return problems;
}

function joinPath(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}
