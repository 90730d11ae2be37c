import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { downloadTextFile, formatAmount } from '../../lib';
import {
  BREAKDOWN_VIEWS,
  BreakdownColumn,
  BreakdownRow,
  BreakdownView,
  breakdownCsv,
  breakdownFileName,
  breakdownOf,
  SortDirection,
  sortBreakdown,
} from './breakdown';

const EMPTY_CELL: Record<string, string> = {
  serviceName: 'No service name',
  resourceName: 'No resource name',
};

function cellText(
  column: BreakdownColumn,
  row: BreakdownRow,
  currency: string,
) {
  const value = row[column.key];
  if (value === null || value === undefined) {
    return EMPTY_CELL[column.key] ?? '—';
  }
  if (column.key === 'share') {
    return `${value}%`;
  }
  return column.amount ? formatAmount(value, currency) : value;
}

/**
 * The entity's direct (cloud) cost by service, charge category or resource, sortable by any
 * column, with the rows as shown downloadable as CSV.
 */
export function CostBreakdownCard(props: {
  cost: EntityCostResponse;
  currency: string;
  entityName: string;
}) {
  const { cost, currency, entityName } = props;
  const [view, setView] = useState<BreakdownView>('service');
  const [sort, setSort] = useState<{ by: string; direction: SortDirection }>({
    by: 'total',
    direction: 'desc',
  });
  const breakdown = breakdownOf(cost, view);
  const rows = sortBreakdown(breakdown, sort.by, sort.direction);
  const viewLabel = BREAKDOWN_VIEWS.find(v => v.view === view)!.label;
  const tableName = `Cost by ${viewLabel.toLowerCase()}`;

  const sortBy = (column: BreakdownColumn) =>
    setSort(current =>
      current.by === column.key
        ? {
            by: column.key,
            direction: current.direction === 'asc' ? 'desc' : 'asc',
          }
        : // Amounts are most useful costliest first, names from A.
          { by: column.key, direction: column.amount ? 'desc' : 'asc' },
    );

  return (
    <InfoCard
      title="Breakdown"
      subheader={
        view === 'resource'
          ? 'Directly allocated cloud cost per resource, the 100 costliest'
          : 'Directly allocated cloud cost; shared and license cost are not broken down'
      }
      action={
        <Button
          size="small"
          variant="outlined"
          startIcon={<GetAppIcon />}
          disabled={rows.length === 0}
          onClick={() =>
            downloadTextFile(
              breakdownFileName(entityName, view, cost),
              breakdownCsv(cost, currency, breakdown, rows),
            )
          }
        >
          Download CSV
        </Button>
      }
    >
      <Tabs
        value={view}
        onChange={(_event, next: BreakdownView) => setView(next)}
        indicatorColor="primary"
        textColor="primary"
        aria-label="Break down by"
      >
        {BREAKDOWN_VIEWS.map(option => (
          <Tab key={option.view} value={option.view} label={option.label} />
        ))}
      </Tabs>
      <Box mt={1} minHeight={120}>
        {!breakdown.available && (
          <Typography variant="body2" color="textSecondary">
            This backend does not break cost down by resource yet.
          </Typography>
        )}
        {breakdown.available && rows.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No {viewLabel.toLowerCase()} breakdown for this period.
          </Typography>
        )}
        {rows.length > 0 && (
          <Table size="small" aria-label={tableName}>
            <TableHead>
              <TableRow>
                {breakdown.columns.map(column => (
                  <TableCell
                    key={column.key}
                    component="th"
                    scope="col"
                    align={column.amount ? 'right' : 'left'}
                    sortDirection={
                      sort.by === column.key ? sort.direction : false
                    }
                  >
                    <TableSortLabel
                      active={sort.by === column.key}
                      direction={
                        sort.by === column.key ? sort.direction : 'asc'
                      }
                      onClick={() => sortBy(column)}
                    >
                      {column.label}
                    </TableSortLabel>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, index) => (
                <TableRow
                  key={`${breakdown.columns
                    .map(c => row[c.key])
                    .join('|')}-${index}`}
                >
                  {breakdown.columns.map((column, columnIndex) => (
                    <TableCell
                      key={column.key}
                      component={columnIndex === 0 ? 'th' : 'td'}
                      scope={columnIndex === 0 ? 'row' : undefined}
                      align={column.amount ? 'right' : 'left'}
                      style={
                        column.key === 'resourceId'
                          ? {
                              overflowWrap: 'anywhere',
                              fontFamily: 'monospace',
                            }
                          : undefined
                      }
                    >
                      {cellText(column, row, currency)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </InfoCard>
  );
}
