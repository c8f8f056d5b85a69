import type { IsoDate } from '../../core/dates.js';

/** Which section of the index a diagram belongs to, in display order. */
export const DIAGRAM_GROUPS = ['business', 'landscape', 'integration', 'data', 'security', 'roadmap', 'kpi', 'context'] as const;
export type DiagramGroup = (typeof DIAGRAM_GROUPS)[number];

/** One diagram as Mermaid text: what the gap report and the strategy embed. */
export interface DiagramSpec {
  /** POSIX path without extension, relative to the diagrams folder: `landscape`, `context/lgsp-tinh`. */
  readonly name: string;
  readonly group: DiagramGroup;
  /** Vietnamese title, for captions and the index. */
  readonly title: string;
  readonly mermaid: string;
  /** Remarks shown under the diagram in the index (e.g. tasks without dates). */
  readonly notes?: readonly string[];
}

/** Where `kientruc build` writes each diagram, relative to the output folder (`generated/`). */
export interface DiagramFiles {
  readonly mmd: string;
  readonly svg: string;
  readonly png: string;
}

/** A diagram with its output paths: the API the gap report and the strategy embed from. */
export interface DiagramEntry extends DiagramSpec {
  readonly files: DiagramFiles;
}

/** Folder of the diagrams inside `generated/`. */
export const DIAGRAMS_DIR = 'diagrams';

export interface DiagramOptions {
  readonly asOf: IsoDate;
  /** Above this many nodes a diagram is split (per layer, component, agency…). */
  readonly maxNodes: number;
}

export const DEFAULT_MAX_NODES = 40;
