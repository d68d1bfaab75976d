const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in its text form, any case: path ids, ids in job payloads and in calls between modules. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
