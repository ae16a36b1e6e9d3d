import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { encodeCursor, type Page } from '@kakehashi/kernel';

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfoModel;
  totalCount: number;
}

/**
 * A Relay connection type for `node` (`<name>Connection` with `<name>Edge`). Subclass it with
 * `@ObjectType('<name>Connection')`.
 */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeModel implements Edge<T> {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionModel implements ConnectionShape<T> {
    @Field(() => [EdgeModel])
    edges: EdgeModel[];

    @Field(() => PageInfoModel)
    pageInfo: PageInfoModel;

    @Field(() => Int, { description: 'How many match the filter, over all pages.' })
    totalCount: number;
  }
  return ConnectionModel as Type<ConnectionShape<T>>;
}

/** A page of entities as a connection of models; cursors encode each item's offset. */
export function toConnection<E, T>(page: Page<E>, map: (item: E) => T): ConnectionShape<T> {
  const edges = page.items.map((item, i) => ({ cursor: encodeCursor(page.offset + i), node: map(item) }));
  return {
    edges,
    pageInfo: Object.assign(new PageInfoModel(), { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }),
    totalCount: page.totalCount,
  };
}
