/** One page of a list, as every list endpoint answers it: the page's rows and how many match in all. */
export interface Page<T> {
  total: number;
  items: T[];
}
