import {
  GraphQLError,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { DomainError, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@kakehashi/kernel';

/** The shape limits every operation must respect (SECURITY.md lists them). */
export const QUERY_LIMITS = {
  /** Longest chain of nested fields, leaves included (`{ a { b } }` is 2). */
  maxDepth: 8,
  /** Aliased fields, `__typename` included: aliases are how one request asks many times. */
  maxAliases: 15,
  /** Directive uses (@include, @skip, …) in the operation and the fragments it spreads. */
  maxDirectives: 5,
  /**
   * Estimated objects resolved (see `multiplier`). A page of 50 municipalities with expertise,
   * needs and partnerships with their members' municipalities estimates at about 11,650.
   */
  maxCost: 25_000,
} as const;

/** A list without a `first` argument is assumed to hold this many items… */
export const UNPAGED_LIST_ESTIMATE = 10;

/**
 * …unless it is one of these lists, whose size the code that fills them keeps small (`Type.field`:
 * items). A reason names at most a handful of records (the scorers keep 2–5), a mentor's pathway
 * has one step per PathwayStepKind (3), and a step cites at most 3 records. Pricing them at 10
 * put an explained suggestion list past the limit (mentorSuggestions with reasons and pathways
 * estimated at ~33,000) although it resolves a few hundred objects. A test checks that every
 * entry names a list field of the schema.
 */
export const LIST_ESTIMATES: Readonly<Record<string, number>> = {
  'MatchReason.records': 5,
  'Suggestion.pathway': 3,
  'PathwayStep.records': 3,
};

export interface QueryMeasure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

const ZERO: QueryMeasure = { depth: 0, aliases: 0, directives: 0, cost: 0 };

/*
 * Duck-typed on purpose: Apollo and this app may load two copies of graphql-js, whose `isListType`
 * and friends throw ("from another module or realm") on the other copy's types.
 */
function isList(type: GraphQLOutputType): boolean {
  return String(type).replace(/!$/, '').startsWith('[');
}

function namedType(type: GraphQLOutputType): GraphQLNamedType {
  let t: unknown = type;
  while (t && typeof t === 'object' && 'ofType' in t && t.ofType) t = t.ofType;
  return t as GraphQLNamedType;
}

function asComposite(type: GraphQLNamedType | null | undefined): GraphQLCompositeType | undefined {
  return type && ('getFields' in type || 'getTypes' in type) ? (type as GraphQLCompositeType) : undefined;
}

function fieldsOf(type: GraphQLCompositeType | undefined): Record<string, GraphQLField<unknown, unknown>> | undefined {
  return type && 'getFields' in type ? type.getFields() : undefined;
}

/** `first:` as written: a literal (clamped), a variable's default, or the worst case for a bare variable. */
function firstArgument(field: GraphQLField<unknown, unknown>, node: FieldNode, variableDefaults: Map<string, ValueNode | undefined>): number | undefined {
  const def = field.args.find((a) => a.name === 'first');
  if (!def) return undefined;
  let value: ValueNode | undefined = node.arguments?.find((a) => a.name.value === 'first')?.value;
  if (value?.kind === Kind.VARIABLE) value = variableDefaults.get(value.name.value) ?? undefined;
  if (value === undefined) return node.arguments?.some((a) => a.name.value === 'first') ? MAX_PAGE_SIZE : typeof def.defaultValue === 'number' ? def.defaultValue : DEFAULT_PAGE_SIZE;
  if (value.kind === Kind.INT) return Math.min(MAX_PAGE_SIZE, Math.max(1, Number(value.value)));
  return value.kind === Kind.NULL ? DEFAULT_PAGE_SIZE : MAX_PAGE_SIZE;
}

/**
 * How many times a field's selection is resolved per parent: its `first` argument (connections
 * and paged lists); 1 for `edges`/`nodes` inside a connection (already counted by `first`); an
 * estimate for other lists; 1 otherwise.
 */
function multiplier(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, node: FieldNode, variableDefaults: Map<string, ValueNode | undefined>): number {
  const first = firstArgument(field, node, variableDefaults);
  if (first !== undefined) return first;
  if (parent.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return 1;
  return isList(field.type) ? (LIST_ESTIMATES[`${parent.name}.${field.name}`] ?? UNPAGED_LIST_ESTIMATE) : 1;
}

/**
 * Measures one operation's selection. Fragments are measured once each and reused (a document
 * of nested spreads cannot make this exponential); a spread already being measured (a cycle,
 * which the spec rules reject anyway) counts as nothing. Introspection (`__schema`, `__type`) is
 * left out of depth and cost: it is bounded by the schema and off in production.
 */
export class QueryMeter {
  private readonly fragments = new Map<string, QueryMeasure | 'measuring'>();

  constructor(
    private readonly context: Pick<ValidationContext, 'getFragment' | 'getSchema'>,
    private readonly variableDefaults: Map<string, ValueNode | undefined>,
  ) {}

  measure(selectionSet: SelectionSetNode, type: GraphQLCompositeType | undefined): QueryMeasure {
    let depth = 0;
    let aliases = 0;
    let directives = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      directives += selection.directives?.length ?? 0;
      let inner: QueryMeasure;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        const introspection = selection.name.value === '__schema' || selection.name.value === '__type';
        const field = fieldsOf(type)?.[selection.name.value];
        const child = selection.selectionSet ? this.measure(selection.selectionSet, field ? asComposite(namedType(field.type)) : undefined) : ZERO;
        if (introspection) {
          inner = { ...child, depth: 0, cost: 0 };
        } else {
          const m = field && type ? multiplier(type, field, selection, this.variableDefaults) : 1;
          inner = { depth: child.depth + 1, aliases: child.aliases, directives: child.directives, cost: selection.selectionSet ? m * (1 + child.cost) : 0 };
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = this.measure(selection.selectionSet, this.typeOf(selection.typeCondition?.name.value) ?? type);
      } else {
        inner = this.fragment(this.context.getFragment(selection.name.value));
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      directives += inner.directives;
      cost += inner.cost;
    }
    return { depth, aliases, directives, cost };
  }

  private typeOf(name: string | undefined): GraphQLCompositeType | undefined {
    return name ? asComposite(this.context.getSchema().getType(name)) : undefined;
  }

  private fragment(fragment: FragmentDefinitionNode | null | undefined): QueryMeasure {
    if (!fragment) return ZERO;
    const name = fragment.name.value;
    const known = this.fragments.get(name);
    if (known === 'measuring') return ZERO;
    if (known) return known;
    this.fragments.set(name, 'measuring');
    const measured = this.measure(fragment.selectionSet, this.typeOf(fragment.typeCondition.name.value));
    const result = { ...measured, directives: measured.directives + (fragment.directives?.length ?? 0) };
    this.fragments.set(name, result);
    return result;
  }
}

const costMessage = (cost: number): string =>
  `Query cost ${cost} exceeds the limit of ${QUERY_LIMITS.maxCost} (each object counts 1; a field with \`first\` multiplies its selection by it, other lists by ${UNPAGED_LIST_ESTIMATE} or their known size)`;

/**
 * The cost of `operation` with the variable values actually sent. Validation (below) only sees the
 * document, where `first: $n` can only be priced by `$n`'s declared default; a client could declare
 * `$n: Int = 1` and send 100. Apollo calls this once variables are known (see `queryCostPlugin`).
 */
export function operationCost(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  schema: ReturnType<ValidationContext['getSchema']>,
  variables: Readonly<Record<string, unknown>> | undefined,
): number {
  const values = new Map<string, ValueNode | undefined>(
    (operation.variableDefinitions ?? []).map((v) => {
      const sent = variables?.[v.variable.name.value];
      const node: ValueNode | undefined = Number.isInteger(sent) ? { kind: Kind.INT, value: String(sent) } : sent === null ? { kind: Kind.NULL } : v.defaultValue;
      return [v.variable.name.value, node];
    }),
  );
  const context = { getFragment: (name: string) => fragments[name] ?? null, getSchema: () => schema };
  return new QueryMeter(context, values).measure(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined).cost;
}

/** Thrown by the cost plugin when the sent variables make an operation too costly: a 400. */
export function costError(cost: number): GraphQLError {
  const message = costMessage(cost);
  return new GraphQLError(message, {
    originalError: new DomainError('BAD_USER_INPUT', message, [{ path: 'variables', message }], 'QUERY_TOO_COSTLY'),
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

function limitError(message: string, reason: string, node: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, { nodes: [node], originalError: new DomainError('BAD_USER_INPUT', message, [{ path: 'query', message }], reason) });
}

/**
 * One validation rule for all four limits. It reports (never throws: a throw inside validation
 * becomes an HTTP 500), so a rejected request is a 400 with BAD_USER_INPUT and a `reason`.
 */
export const queryLimitsRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    const defaults = new Map((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue]));
    const root = context.getSchema().getRootType(operation.operation) ?? undefined;
    const m = new QueryMeter(context, defaults).measure(operation.selectionSet, root);
    const directives = m.directives + (operation.directives?.length ?? 0);
    const L = QUERY_LIMITS;
    if (m.depth > L.maxDepth) context.reportError(limitError(`Query depth ${m.depth} exceeds the limit of ${L.maxDepth}`, 'QUERY_TOO_DEEP', operation));
    if (m.aliases > L.maxAliases) context.reportError(limitError(`Query uses ${m.aliases} aliases (__typename included); the limit is ${L.maxAliases}`, 'TOO_MANY_ALIASES', operation));
    if (directives > L.maxDirectives) context.reportError(limitError(`Query uses ${directives} directives; the limit is ${L.maxDirectives}`, 'TOO_MANY_DIRECTIVES', operation));
    if (m.cost > L.maxCost) context.reportError(limitError(costMessage(m.cost), 'QUERY_TOO_COSTLY', operation));
  },
});
