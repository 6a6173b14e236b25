/** Makes a switch over a discriminated union fail to compile when a new member is not handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
