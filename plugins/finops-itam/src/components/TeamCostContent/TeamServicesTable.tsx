import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { TeamCostEntity } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatUnitCost } from '../../lib';
import {
  CostChange,
  OtherCurrencies,
  rankEntities,
  RankBy,
} from '../TeamCostShared';
import { SortableHeaderCell, SortState } from '../SortableHeaderCell';

const SORT_LABELS: Record<RankBy, string> = { cost: 'Cost', change: 'Change' };

function UnitCostCell(props: { entity: TeamCostEntity; currency: string }) {
  const { unitCost } = props.entity;
  if (!unitCost) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        no unit metric
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" component="span">
        {unitCost.value === null
          ? `no ${unitCost.metric} reported`
          : formatUnitCost(unitCost.value, props.currency)}
      </Typography>
      <Typography variant="caption" color="textSecondary" display="block">
        {`per unit of ${unitCost.metric}`}
      </Typography>
    </>
  );
}

/**
 * The team's services ranked by cost or by change (click or press a column heading to
 * re-rank), each with its all-in unit cost beside it.
 */
export function TeamServicesTable(props: {
  teamName: string;
  entities: TeamCostEntity[];
  currency: string;
}) {
  const { teamName, entities, currency } = props;
  const [sort, setSort] = useState<SortState<RankBy>>({
    by: 'cost',
    direction: 'desc',
  });
  const rows = rankEntities(entities, sort.by, sort.direction);

  const sortHeader = (by: RankBy) => (
    // Biggest cost or rise first when a column is first chosen.
    <SortableHeaderCell
      column={by}
      sort={sort}
      onSort={setSort}
      firstDirection="desc"
      align="right"
    >
      {SORT_LABELS[by]}
    </SortableHeaderCell>
  );

  return (
    <InfoCard
      title="Services"
      subheader={`Ranked by ${SORT_LABELS[sort.by].toLowerCase()}, ${
        sort.direction === 'desc' ? 'highest' : 'lowest'
      } first`}
    >
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {`${teamName} owns no entity with cost in this period.`}
        </Typography>
      ) : (
        <Box overflow="auto">
          <Table size="small" aria-label={`Services of ${teamName}`}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col" align="right">
                  #
                </TableCell>
                <TableCell component="th" scope="col">
                  Service
                </TableCell>
                {sortHeader('cost')}
                {sortHeader('change')}
                <TableCell component="th" scope="col" align="right">
                  Unit cost
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((entity, index) => (
                <TableRow key={entity.entityRef}>
                  <TableCell align="right">{index + 1}</TableCell>
                  <TableCell component="th" scope="row">
                    <EntityRefLink entityRef={entity.entityRef} hideIcon>
                      {entity.title ?? entity.name}
                    </EntityRefLink>
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      display="block"
                    >
                      {entity.kind}
                    </Typography>
                  </TableCell>
                  <TableCell align="right">
                    {formatAmount(entity.total, currency)}
                    <OtherCurrencies
                      totals={entity.otherCurrencies}
                      variant="caption"
                    />
                  </TableCell>
                  <TableCell align="right">
                    <CostChange
                      change={entity.change}
                      changePercent={entity.changePercent}
                      currency={currency}
                    />
                  </TableCell>
                  <TableCell align="right">
                    <UnitCostCell entity={entity} currency={currency} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </InfoCard>
  );
}
