import { useApi } from '@backstage/core-plugin-api';
import { Cell, CellText, Flex, Text } from '@backstage/ui';
import {
  AllocationCoverageResponse,
  UnallocatedResource,
} from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { CostPeriod, formatAmount, percentText } from '../../lib';
import { DataColumn, DataTable } from '../DataTable';
import { EntityLink } from '../EntityLink';
import { GlossaryTerm } from '../GlossaryTerm';
import { AsyncContent } from './AsyncContent';
import { allocationMaturityOfPercent } from './kpiFormat';
import { MaturityChip } from './MaturityChip';

type ResourceRow = UnallocatedResource & { id: string };

function resourceColumns(currency: string): DataColumn<ResourceRow>[] {
  return [
    {
      id: 'resource',
      label: 'Resource',
      isRowHeader: true,
      cell: row => (
        <CellText
          title={row.resourceName ?? row.resourceId ?? 'No resource id'}
          description={
            row.resourceName ? row.resourceId ?? undefined : undefined
          }
        />
      ),
    },
    {
      id: 'service',
      label: 'Service',
      cell: row => <CellText title={row.serviceName ?? '—'} />,
    },
    {
      id: 'account',
      label: 'Billing account',
      cell: row => (
        <CellText
          title={row.billingAccountId}
          description={row.subAccountId ?? undefined}
        />
      ),
    },
    {
      id: 'cost',
      label: 'Cost',
      cell: row => <CellText title={formatAmount(row.cost, currency)} />,
    },
    {
      id: 'owner',
      label: 'Suggested owner',
      cell: row =>
        row.suggestedOwner ? (
          <Cell>
            <EntityLink entityRef={row.suggestedOwner.entityRef} />
            <Text as="div" variant="body-small" color="secondary">
              {row.suggestedOwner.reason}
            </Text>
          </Cell>
        ) : (
          <CellText title="None found" />
        ),
    },
  ];
}

function CoverageSummary(props: { coverage: AllocationCoverageResponse }) {
  const { coverage } = props;
  if (coverage.currency === null) {
    return (
      <Text as="p" color="secondary">
        No cost in this period, so nothing to allocate.
      </Text>
    );
  }
  const currency = coverage.currency;
  const percent =
    coverage.allocatedPercent === null
      ? '—'
      : `${percentText(coverage.allocatedPercent)}%`;
  return (
    <Flex direction="column" gap="1">
      <Flex align="center" gap="2">
        <Text as="p" variant="title-small">
          {`${percent} allocated`}
        </Text>
        <MaturityChip
          maturity={allocationMaturityOfPercent(coverage.allocatedPercent)}
        />
      </Flex>
      <Text as="p" variant="body-medium" color="secondary">
        {`${formatAmount(coverage.allocated, currency)} of ${formatAmount(
          coverage.total,
          currency,
        )} allocated; ${formatAmount(
          coverage.unallocated,
          currency,
        )} unallocated.`}
      </Text>
      {(coverage.otherCurrencies ?? []).length > 0 && (
        <Text as="p" variant="body-small" color="secondary">
          {`Also in other currencies, not included: ${(
            coverage.otherCurrencies ?? []
          )
            .map(other => formatAmount(other.total, other.currency))
            .join(', ')}`}
        </Text>
      )}
    </Flex>
  );
}

/**
 * Allocation coverage of the period with its maturity band, and the costliest unallocated
 * resources with the owner a naming standard suggests, the list to work through to raise it.
 */
export function AllocationTab(props: { period: CostPeriod }) {
  const { period } = props;
  const api = useApi(finopsItamApiRef);
  const state = useAsync(async () => {
    const [coverage, unallocated] = await Promise.all([
      api.getAllocationCoverage(period),
      api.getUnallocated({ ...period, limit: 20 }),
    ]);
    return { coverage, unallocated };
  }, [api, period.from, period.to]);

  return (
    <AsyncContent state={state} what="allocation coverage">
      {({ coverage, unallocated }) => (
        <Flex direction="column" gap="4">
          <Text as="h2" variant="title-small">
            <GlossaryTerm term="allocation-coverage">
              Allocation coverage
            </GlossaryTerm>
          </Text>
          <CoverageSummary coverage={coverage} />
          <Text as="h3" variant="title-x-small">
            Top <GlossaryTerm term="unallocated-cost">unallocated</GlossaryTerm>{' '}
            resources
          </Text>
          {unallocated.currency === null ? (
            <Text as="p" color="secondary">
              No unallocated cost in this period.
            </Text>
          ) : (
            <>
              <Text as="p" variant="body-small" color="secondary">
                {`${formatAmount(
                  unallocated.total,
                  unallocated.currency,
                )} unallocated in all; the costliest resources first.`}
              </Text>
              <DataTable
                label="Top unallocated resources"
                columns={resourceColumns(unallocated.currency)}
                items={unallocated.resources.map((resource, index) => ({
                  ...resource,
                  id: String(index),
                }))}
                empty={
                  <Text as="p" color="secondary">
                    No unallocated resources in this period.
                  </Text>
                }
              />
            </>
          )}
        </Flex>
      )}
    </AsyncContent>
  );
}
