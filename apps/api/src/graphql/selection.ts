import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Names of the fields selected at `path` below the current field (`['edges', 'node']` of a
 * connection), through aliases, inline fragments and fragment spreads, over every node of the field
 * in the operation. For look-ahead: a resolver reads in its own statement what the selection will
 * ask for next. Directives (@skip/@include) are not evaluated: a field they may drop still counts,
 * which costs at most a column read for nothing.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const name of path) sets = sets.flatMap((set) => fieldsIn(set, info).flatMap((f) => (f.name === name && f.selectionSet ? [f.selectionSet] : [])));
  return new Set(sets.flatMap((set) => fieldsIn(set, info).map((f) => f.name)));
}

function fieldsIn(set: SelectionSetNode, info: GraphQLResolveInfo, seen = new Set<string>()): { name: string; selectionSet?: SelectionSetNode }[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [{ name: s.name.value, selectionSet: s.selectionSet }];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsIn(s.selectionSet, info, seen);
    const fragment = info.fragments[s.name.value];
    if (!fragment || seen.has(s.name.value)) return [];
    seen.add(s.name.value);
    return fieldsIn(fragment.selectionSet, info, seen);
  });
}
