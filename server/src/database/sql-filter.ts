/**
 * The one builder of dynamic WHERE clauses for the repositories' SQL. Every value becomes a numbered
 * parameter ($1, $2 …), never text spliced into the query; `?` in a condition stands for the next one.
 */
export class SqlFilter {
  private readonly conditions: string[] = [];

  /** Pass the parameters already bound by the statement (e.g. `[$1, $2]` used in its fixed part). */
  constructor(readonly params: unknown[] = []) {}

  /** Binds a value and answers its placeholder, for SQL outside the conditions (a join, a select list). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds a condition; each `?` in it binds the next of `values`, in order. */
  add(condition: string, ...values: unknown[]): this {
    let next = 0;
    this.conditions.push(condition.replace(/\?/g, () => this.param(values[next++])));
    return this;
  }

  /** Adds `column = value` when the value is given. */
  equals(column: string, value: unknown): this {
    return value === undefined ? this : this.add(`${column} = ?`, value);
  }

  /**
   * Restricts rows to the teams the caller may see (`ScopeService.visibleTeamIds`): null means the
   * whole centre, no condition.
   */
  withinTeams(column: string, teamIds: string[] | null): this {
    return this.within(column, teamIds);
  }

  /** Restricts rows to the ids given (projects, teams …): null means no condition. */
  within(column: string, ids: string[] | null): this {
    return ids ? this.add(`${column} = ANY(?)`, ids) : this;
  }

  /**
   * The centre's local dates from `from` to `to`, both included, either end open when absent. One
   * day is written as an equality, so an index leading with the day is read in order and stops
   * after a page.
   */
  localDateBetween(column: string, from?: string, to?: string): this {
    if (from && from === to) return this.add(`${column} = ?`, from);
    if (from) this.add(`${column} >= ?`, from);
    if (to) this.add(`${column} <= ?`, to);
    return this;
  }

  /** Another set of conditions numbered on from these parameters, e.g. for a join's ON clause. */
  sub(): SqlFilter {
    return new SqlFilter(this.params);
  }

  /** The conditions joined with AND (TRUE when there are none). */
  get conjunction(): string {
    return this.conditions.length ? this.conditions.join(' AND ') : 'TRUE';
  }

  /** `WHERE …`, or nothing when there are no conditions. */
  get where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
