/** A mistake on the command line: its message becomes the one line the demo prints (exit code 2). */
export class ArgumentError extends Error {}
