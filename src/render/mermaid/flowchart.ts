import { mmdLabel } from './escape.js';

export type Shape = 'rect' | 'round' | 'stadium' | 'cylinder' | 'hexagon' | 'subroutine' | 'circle';
export type LinkKind = 'solid' | 'dotted' | 'thick' | 'invisible';

export interface LinkOptions {
  readonly label?: string;
  readonly kind?: LinkKind;
  /** Arrowheads: at the target (default), at both ends, or none. */
  readonly arrow?: 'end' | 'both' | 'none';
  /** Extra ranks the link spans (longer line); default 1. */
  readonly length?: number;
  /** CSS for `linkStyle` (`stroke:#dc2626,stroke-width:3px`); links sharing a style share one line. */
  readonly style?: string;
}

const OPEN: Record<Shape, readonly [string, string]> = {
  rect: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  cylinder: ['[(', ')]'],
  hexagon: ['{{', '}}'],
  subroutine: ['[[', ']]'],
  circle: ['((', '))'],
};

function arrowOf(kind: LinkKind, arrow: 'end' | 'both' | 'none', length: number): string {
  const extra = Math.max(0, length - 1);
  if (kind === 'invisible') return `~~~${'~'.repeat(extra)}`;
  const line = kind === 'dotted' ? `-${'.'.repeat(1 + extra)}-` : kind === 'thick' ? '='.repeat(3 + extra) : '-'.repeat(3 + extra);
  if (arrow === 'none') return line;
  // `-.-` keeps its last dash before the head (`-.->`); `---`/`===` trade it for the head (`-->`).
  const head = kind === 'dotted' ? line : line.slice(0, -1);
  return arrow === 'end' ? `${head}>` : `<${head}>`;
}

/**
 * The layout engine, in the diagram's own front matter. `cycleBreaking: 'MODEL_ORDER'` (ELK only): an
 * edge pointing back to a node declared earlier is laid out as if reversed (its arrow still points the
 * right way), so nodes keep the columns their declaration order gives them: a body that receives data
 * from a national database stays in the bodies' column instead of starting a third column.
 */
export interface FlowchartLayout {
  readonly layout?: 'elk';
  readonly cycleBreaking?: 'MODEL_ORDER';
  /**
   * ELK's merged edges: edges ending at one node share its port, so their labels sit on separate
   * branches. Unmerged, ELK keeps such edges 20 units apart, and two labels 21 units tall touched
   * (the NDOP print map: "NDOP: 1 kết nối" twice, 2 pt apart at print size).
   */
  readonly mergeEdges?: boolean;
}

/**
 * Builds flowchart text in a fixed order: nodes and subgraphs as added, then links, then class
 * assignments and link styles. Ids must come from `mmdId` (refs) or be fixed strings of our own;
 * labels are always escaped here.
 */
export class Flowchart {
  private readonly body: string[] = [];
  private readonly links: string[] = [];
  private readonly classDefs = new Map<string, string>();
  private readonly classOf = new Map<string, string[]>();
  private readonly linkStyles = new Map<string, number[]>();
  private readonly declared = new Set<string>();
  private depth = 1;

  /**
   * `layout: 'elk'` writes the layout into the diagram's own front matter (Mermaid 12 bundles ELK), so
   * the `.mmd` file draws the same wherever it is opened; the default is the configuration's dagre.
   */
  constructor(
    private readonly direction: 'TB' | 'LR',
    private readonly opts: FlowchartLayout = {},
  ) {}

  has(id: string): boolean {
    return this.declared.has(id);
  }

  get nodeCount(): number {
    return this.declared.size;
  }

  classDef(name: string, css: string): this {
    this.classDefs.set(name, css);
    return this;
  }

  node(id: string, label: string, shape: Shape = 'rect', cls?: string): this {
    if (this.declared.has(id)) return this;
    this.declared.add(id);
    const [o, c] = OPEN[shape];
    this.body.push(`${'  '.repeat(this.depth)}${id}${o}${mmdLabel(label)}${c}`);
    if (cls) this.addClass(id, cls);
    return this;
  }

  addClass(id: string, cls: string): this {
    const list = this.classOf.get(cls) ?? [];
    list.push(id);
    this.classOf.set(cls, list);
    return this;
  }

  subgraph(id: string, title: string, direction: 'TB' | 'LR' | undefined, fill: () => void, cls?: string): this {
    this.body.push(`${'  '.repeat(this.depth)}subgraph ${id} [${mmdLabel(title)}]`);
    this.depth++;
    if (direction) this.body.push(`${'  '.repeat(this.depth)}direction ${direction}`);
    fill();
    this.depth--;
    this.body.push(`${'  '.repeat(this.depth)}end`);
    if (cls) this.addClass(id, cls);
    return this;
  }

  link(from: string, to: string, opts: LinkOptions = {}): this {
    const kind = opts.kind ?? 'solid';
    const arrow = arrowOf(kind, opts.arrow ?? 'end', opts.length ?? 1);
    const label = opts.label !== undefined && opts.label !== '' && kind !== 'invisible' ? `|${mmdLabel(opts.label)}|` : '';
    const index = this.links.length;
    this.links.push(`  ${from} ${arrow}${label} ${to}`);
    if (opts.style) {
      const list = this.linkStyles.get(opts.style) ?? [];
      list.push(index);
      this.linkStyles.set(opts.style, list);
    }
    return this;
  }

  /**
   * Lays `ids` out in lines of `perLine` with invisible links (subgraphs have no grid layout). In a TB
   * subgraph unlinked nodes sit side by side, so columns are chained; in LR, rows are chained. Call it
   * inside the subgraph: the last line is padded with blank nodes, or the layout engine would align
   * the short chains at the far end and leave the gap in the first line.
   */
  grid(ids: readonly string[], perLine: number, direction: 'TB' | 'LR'): this {
    if (ids.length <= perLine) {
      if (direction === 'LR') for (let i = 1; i < ids.length; i++) this.link(ids[i - 1]!, ids[i]!, { kind: 'invisible' });
      return this;
    }
    const cells = [...ids];
    const pad = (perLine - (ids.length % perLine)) % perLine;
    for (let i = 0; i < pad; i++) {
      const ghost = `pad_${i}_${ids[0]}`;
      this.classDef('grid_pad', 'fill:none,stroke:none,color:none');
      this.node(ghost, ' ', 'rect', 'grid_pad');
      cells.push(ghost);
    }
    for (let i = 1; i < cells.length; i++) {
      if (direction === 'TB' && i >= perLine) this.link(cells[i - perLine]!, cells[i]!, { kind: 'invisible' });
      if (direction === 'LR' && i % perLine !== 0) this.link(cells[i - 1]!, cells[i]!, { kind: 'invisible' });
    }
    return this;
  }

  toString(): string {
    const elkOptions = [
      ...(this.opts.cycleBreaking ? [`    cycleBreakingStrategy: ${this.opts.cycleBreaking}`] : []),
      ...(this.opts.mergeEdges ? ['    mergeEdges: true'] : []),
    ];
    const elk = this.opts.layout === 'elk' && elkOptions.length ? ['  elk:', ...elkOptions] : [];
    const front = this.opts.layout ? ['---', 'config:', `  layout: ${this.opts.layout}`, ...elk, '---'] : [];
    const out = [...front, `flowchart ${this.direction}`, ...this.body, ...this.links];
    for (const [name, css] of [...this.classDefs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out.push(`  classDef ${name} ${css}`);
    for (const [cls, ids] of this.classOf) out.push(`  class ${ids.join(',')} ${cls}`);
    for (const [style, idx] of this.linkStyles) out.push(`  linkStyle ${idx.join(',')} ${style}`);
    return `${out.join('\n')}\n`;
  }
}
