import { useApi } from '@backstage/core-plugin-api';
import { Cell, CellText, Flex, Text } from '@backstage/ui';
import {
  OwnerPolicyCompliance,
  PolicyComplianceResponse,
  PolicyResourceFinding,
} from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { CostPeriod } from '../../lib';
import { DataColumn, DataTable } from '../DataTable';
import { EntityLink } from '../EntityLink';
import { GlossaryTerm } from '../GlossaryTerm';
import { AsyncContent } from './AsyncContent';
import { amountsText } from './MarketplaceTable';

const KINDS = [
  'untagged',
  'disallowedLocation',
  'marketplaceOutsidePolicy',
  'blockedProduct',
] as const;
type FindingKind = (typeof KINDS)[number];

const KIND_LABELS: Record<FindingKind, string> = {
  untagged: 'Untagged',
  disallowedLocation: 'Disallowed provider or region',
  marketplaceOutsidePolicy: 'Marketplace outside policy',
  blockedProduct: 'Blocked product',
};

type OwnerRow = OwnerPolicyCompliance & { id: string };
type FindingRow = PolicyResourceFinding & {
  id: string;
  kind: FindingKind;
  ownerRef: string | null;
};

function ownerCell(ref: string | null, none: string) {
  return ref ? (
    <Cell>
      <EntityLink entityRef={ref} defaultKind="group" />
    </Cell>
  ) : (
    <CellText title={none} />
  );
}

const OWNER_COLUMNS: DataColumn<OwnerRow>[] = [
  {
    id: 'owner',
    label: 'Owner',
    isRowHeader: true,
    cell: row => ownerCell(row.ownerRef, 'No owner'),
  },
  ...KINDS.map(kind => ({
    id: kind,
    label: KIND_LABELS[kind],
    cell: (row: OwnerRow) => (
      <CellText
        title={amountsText(row[kind].cost)}
        description={`${row[kind].resources.length} ${
          row[kind].resources.length === 1 ? 'resource' : 'resources'
        }`}
      />
    ),
  })),
];

const FINDING_COLUMNS: DataColumn<FindingRow>[] = [
  {
    id: 'resource',
    label: 'Resource',
    isRowHeader: true,
    cell: row => (
      <CellText
        title={row.resourceName ?? row.resourceId ?? 'No resource id'}
        description={`${row.providerName}${
          row.regionIds.length > 0 ? `, ${row.regionIds.join(', ')}` : ''
        }`}
      />
    ),
  },
  {
    id: 'kind',
    label: 'Finding',
    cell: row => (
      <CellText
        title={KIND_LABELS[row.kind]}
        description={row.reasons.join('; ')}
      />
    ),
  },
  {
    id: 'owner',
    label: 'Owner',
    cell: row => ownerCell(row.ownerRef, 'No owner'),
  },
  {
    id: 'suggested',
    label: 'Suggested owner',
    cell: row => ownerCell(row.suggestedOwnerRef, 'None found'),
  },
  {
    id: 'cost',
    label: 'Cost',
    cell: row => <CellText title={amountsText(row.cost)} />,
  },
];

function findingsOf(report: PolicyComplianceResponse): FindingRow[] {
  return report.owners.flatMap(owner =>
    KINDS.flatMap(kind =>
      owner[kind].resources.map((resource, index) => ({
        ...resource,
        id: `${owner.ownerRef ?? ''} ${kind} ${index}`,
        kind,
        ownerRef: owner.ownerRef,
      })),
    ),
  );
}

function PoliciesApplied(props: {
  policies: PolicyComplianceResponse['policies'];
}) {
  const { policies } = props;
  // A null allow-list allows everything; an empty list of required keys requires nothing.
  const list = (values: string[] | null, none: string) =>
    values && values.length > 0 ? values.join(', ') : none;
  const perProvider = Object.entries(policies.requiredTagsByProvider)
    .map(([provider, keys]) => `${keys.join(', ')} on ${provider}`)
    .join('; ');
  const approved =
    policies.approvedMarketplacePublishers.length > 0
      ? ` (approved sellers: ${policies.approvedMarketplacePublishers.join(
          ', ',
        )})`
      : '';
  return (
    <Text as="p" variant="body-small" color="secondary">
      {`Policies applied: required tags ${list(policies.requiredTags, 'none')}${
        perProvider ? `, and ${perProvider}` : ''
      }; providers ${list(policies.allowedProviders, 'any')}; regions ${list(
        policies.allowedRegions,
        'any',
      )}; marketplace ${
        policies.marketplace
      }${approved}; blocked products ${list(
        policies.blockedProducts,
        'none',
      )}.`}
    </Text>
  );
}

/**
 * Running cost outside the policies, per owner: untagged, in disallowed providers or regions,
 * marketplace purchases outside policy and blocked products, each with its resources.
 */
export function ComplianceTab(props: { period: CostPeriod }) {
  const { period } = props;
  const api = useApi(finopsItamApiRef);
  const state = useAsync(
    () => api.getPolicyCompliance(period),
    [api, period.from, period.to],
  );
  return (
    <AsyncContent state={state} what="the compliance report">
      {report => (
        <Flex direction="column" gap="3">
          <Text as="h2" variant="title-small">
            Policy compliance
          </Text>
          <Text as="p" variant="body-small" color="secondary">
            Resources missing{' '}
            <GlossaryTerm term="required-tags">required tags</GlossaryTerm> or
            running outside the policies of finopsItam.policies.
          </Text>
          <PoliciesApplied policies={report.policies} />
          <DataTable
            label="Compliance by owner"
            columns={OWNER_COLUMNS}
            items={report.owners.map(owner => ({
              ...owner,
              id: owner.ownerRef ?? '',
            }))}
            empty={
              <Text as="p" color="secondary">
                Every resource of the period follows the policies.
              </Text>
            }
          />
          <Text as="h3" variant="title-x-small">
            Resources
          </Text>
          <DataTable
            label="Resources outside policy"
            columns={FINDING_COLUMNS}
            items={findingsOf(report)}
            empty={
              <Text as="p" color="secondary">
                No resource outside policy.
              </Text>
            }
          />
        </Flex>
      )}
    </AsyncContent>
  );
}
