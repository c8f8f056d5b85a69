/** The ArchiMate model kientruc exports, before it becomes Open Exchange Format XML. */

export type ElementType = 'BusinessActor' | 'BusinessFunction' | 'BusinessService' | 'ApplicationComponent' | 'Node' | 'DataObject';
export type RelationshipType = 'Association' | 'Composition' | 'Access' | 'Flow' | 'Serving' | 'Assignment' | 'Realization';

/** Keys of the property definitions every export declares (see PROPERTY_DEFINITIONS). */
export type PropertyKey =
  | 'ref'
  | 'layer'
  | 'component'
  | 'status'
  | 'level'
  | 'scope'
  | 'sharing'
  | 'sync'
  | 'security-level'
  | 'deployment'
  | 'public-url'
  | 'internal-url'
  | 'channel'
  | 'direction'
  | 'format'
  | 'online-level'
  | 'field'
  | 'procedures'
  | 'portal-url'
  | 'notes';

export interface Property {
  readonly key: PropertyKey;
  readonly value: string;
}

export interface AmElement {
  /** xs:ID derived from the kientruc ref. */
  readonly id: string;
  readonly ref: string;
  readonly type: ElementType;
  readonly name: string;
  readonly documentation?: string;
  readonly properties: readonly Property[];
}

export interface AmRelationship {
  readonly id: string;
  readonly type: RelationshipType;
  readonly source: string;
  readonly target: string;
  readonly name?: string;
  /** Access relationships only. */
  readonly accessType?: 'Read' | 'Write' | 'ReadWrite' | 'Access';
  readonly properties: readonly Property[];
}

export interface AmNode {
  readonly id: string;
  readonly elementRef: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface AmConnection {
  readonly id: string;
  readonly relationshipRef: string;
  readonly source: string;
  readonly target: string;
}

export interface AmView {
  readonly id: string;
  readonly name: string;
  readonly documentation: string;
  readonly nodes: readonly AmNode[];
  readonly connections: readonly AmConnection[];
}

export interface AmFolder {
  readonly label: string;
  readonly refs: readonly string[];
}

export interface AmModel {
  readonly id: string;
  readonly name: string;
  readonly documentation: string;
  readonly elements: readonly AmElement[];
  readonly relationships: readonly AmRelationship[];
  readonly views: readonly AmView[];
  readonly folders: readonly AmFolder[];
}
