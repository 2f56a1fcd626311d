/**
 * The single state table, built from `stateTableDefinition()` — the definition the code itself uses
 * (`ensureTable`, standalone mode, tests) — so the deployed keys and index cannot drift from what the
 * stores read and write. On demand, point-in-time recovery, deletion protection and retention by default:
 * it holds connector configs and source offsets that outlive any deployment.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { stateTableDefinition } from '#lib/store/dynamodb/table';
import type { TableAccess } from '../functions.manifest.ts';
import { TABLE_ACTIONS } from '../permissions.ts';

export interface StateTableProps {
  /** A fixed table name; default a name CloudFormation generates (several stacks per account). */
  tableName?: string;
  /** Default true. Turn off (and deploy) before deleting the stack if the table should go with it. */
  deletionProtection?: boolean;
  /** Default RETAIN: deleting the stack leaves the table and its data. */
  removalPolicy?: RemovalPolicy;
}

export class StateTable extends Construct {
  readonly table: dynamodb.Table;
  readonly indexNames: string[];

  constructor(scope: Construct, id: string, props: StateTableProps = {}) {
    super(scope, id);
    const definition = cdkTableDefinition(props.tableName);
    this.table = new dynamodb.Table(this, 'Table', {
      ...(props.tableName ? { tableName: props.tableName } : {}),
      partitionKey: definition.partitionKey,
      sortKey: definition.sortKey,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const index of definition.indexes) this.table.addGlobalSecondaryIndex(index);
    this.indexNames = definition.indexes.map((index) => index.indexName);
  }

  get tableName(): string {
    return this.table.tableName;
  }

  /** Exactly the calls the stores make, on the table and its named indexes (no `index/*`). */
  grant(grantee: iam.IGrantable, access: TableAccess): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: TABLE_ACTIONS[access],
      resourceArns: [this.table.tableArn, ...this.indexNames.map((name) => `${this.table.tableArn}/index/${name}`)],
    });
  }

  grantRead(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'read');
  }

  grantReadWrite(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'readWrite');
  }
}

interface CdkTableDefinition {
  partitionKey: dynamodb.Attribute;
  sortKey?: dynamodb.Attribute;
  indexes: dynamodb.GlobalSecondaryIndexProps[];
}

/** `stateTableDefinition()` in CDK terms; throws on anything this mapping does not know, so a change
 *  to the definition (a new index type, provisioned billing) fails synthesis instead of being dropped. */
export function cdkTableDefinition(tableName = 'lambda-connect'): CdkTableDefinition {
  const def = stateTableDefinition(tableName);
  if (def.BillingMode !== 'PAY_PER_REQUEST') throw new Error(`Unsupported billing mode ${def.BillingMode}`);
  if (def.LocalSecondaryIndexes?.length) throw new Error('Local secondary indexes are not mapped');
  const types = new Map((def.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
  const attribute = (name: string | undefined): dynamodb.Attribute => {
    const type = name === undefined ? undefined : types.get(name);
    if (name === undefined || (type !== 'S' && type !== 'N' && type !== 'B')) throw new Error(`Attribute ${name} has no scalar type`);
    return { name, type: ATTRIBUTE_TYPES[type] };
  };
  const keys = (schema: { AttributeName?: string; KeyType?: string }[] | undefined) => {
    const hash = schema?.find((k) => k.KeyType === 'HASH');
    const range = schema?.find((k) => k.KeyType === 'RANGE');
    return { partitionKey: attribute(hash?.AttributeName), ...(range ? { sortKey: attribute(range.AttributeName) } : {}) };
  };
  return {
    ...keys(def.KeySchema),
    indexes: (def.GlobalSecondaryIndexes ?? []).map((gsi) => {
      if (gsi.Projection?.ProjectionType !== 'ALL') throw new Error(`Index ${gsi.IndexName}: only projection ALL is mapped`);
      if (!gsi.IndexName) throw new Error('An index has no name');
      return { indexName: gsi.IndexName, ...keys(gsi.KeySchema), projectionType: dynamodb.ProjectionType.ALL };
    }),
  };
}

const ATTRIBUTE_TYPES = {
  S: dynamodb.AttributeType.STRING,
  N: dynamodb.AttributeType.NUMBER,
  B: dynamodb.AttributeType.BINARY,
} as const;
