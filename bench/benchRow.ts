/** One line of the README's benchmark table: what was measured and the figure, as text. */
export interface BenchRow {
  readonly what: string;
  readonly figure: string;
}
