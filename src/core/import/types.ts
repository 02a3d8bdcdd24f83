/** A problem with one field of one record; the edges add the file and line. */
export interface FieldIssue {
  /** The field as the file names it: a CSV column, a JSON path (`skills[2].level`, `basics.email`). */
  field: string;
  message: string;
}

/** What a format decoder makes of one record: a candidate for validation, or the reasons it has none. */
export interface Decoded {
  /** Plain data shaped like the native record, to be validated by its schema. */
  value: unknown;
  issues: FieldIssue[];
  /** Things worth saying that do not reject the record (a skill not in the taxonomy, skipped). */
  warnings: FieldIssue[];
}
