/** How far a long import or export has got: `done` of `total` items of `phase`. */
export interface Progress {
  /** `validate`, or a document section (`municipalities`, `needs`, …). */
  phase: string;
  done: number;
  total: number;
}

export type ProgressListener = (progress: Progress) => void;
