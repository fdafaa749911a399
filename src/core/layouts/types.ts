// The shape of a series layout recogniser: a grid and where it came from in, a table or nothing out.

import { Grid } from "../cells";
import { SeriesReadOptions, SeriesTable } from "../series-table";
import { SourceRef } from "../source";

export interface SeriesSource {
  readonly grid: Grid;
  readonly source: SourceRef;
}

/** Reads the table when the grid is in this layout; undefined when it is not. */
export type SeriesRecogniser = (input: SeriesSource, options: SeriesReadOptions) => SeriesTable | undefined;
