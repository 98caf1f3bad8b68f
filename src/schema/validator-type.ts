export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The shape of an ajv standalone validator. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
  /** The fields each closed object allows, by the schemaPath of its additionalProperties error (added at build time). */
  knownFields?: Readonly<Record<string, readonly string[]>>;
}
