import { useState } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatAmount } from '../../lib';
import { BudgetStatusWord, formatVariance } from '../BudgetStatus';
import { SortableHeaderCell, SortState } from '../SortableHeaderCell';
import { BudgetRow, BudgetSortColumn, sortBudgetRows } from './budgetRows';

const SORT_WORDS: Record<BudgetSortColumn, string> = {
  status: 'status, worst first',
  variance: 'forecast variance',
};

/**
 * Budgets with budget, actual, forecast, variance and status, sortable by status (worst
 * first) and by forecast variance; each amount in the budget's own currency. (`@backstage/ui`
 * has a table, but not yet sortable headings with `aria-sort`; this follows the team
 * services table.)
 */
export function BudgetsTable(props: { label: string; rows: BudgetRow[] }) {
  const [sort, setSort] = useState<SortState<BudgetSortColumn>>({
    by: 'status',
    direction: 'asc',
  });
  const rows = sortBudgetRows(props.rows, sort);

  return (
    <Box overflow="auto">
      <Typography variant="caption" color="textSecondary" role="status">
        {`Sorted by ${SORT_WORDS[sort.by]}${
          sort.by === 'variance'
            ? `, ${sort.direction === 'desc' ? 'highest' : 'lowest'} first`
            : ''
        }`}
      </Typography>
      <Table size="small" aria-label={props.label}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Entity
            </TableCell>
            <TableCell component="th" scope="col">
              Period
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Budget
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Actual
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Forecast
            </TableCell>
            <SortableHeaderCell
              column="variance"
              sort={sort}
              onSort={setSort}
              firstDirection="desc"
              align="right"
            >
              Variance
            </SortableHeaderCell>
            <SortableHeaderCell
              column="status"
              sort={sort}
              onSort={setSort}
              firstDirection="asc"
            >
              Status
            </SortableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => {
            const money = (amount: string) =>
              formatAmount(amount, row.budget.currency);
            return (
              <TableRow key={row.budget.id}>
                <TableCell component="th" scope="row">
                  <EntityRefLink entityRef={row.budget.entityRef} />
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    display="block"
                  >
                    {`${row.budget.id} · ${row.budget.scope}`}
                  </Typography>
                </TableCell>
                <TableCell>
                  {`${row.budget.period} from ${
                    row.periodStart ?? row.budget.start
                  }`}
                </TableCell>
                <TableCell align="right">{money(row.budget.amount)}</TableCell>
                <TableCell align="right">
                  {row.actual
                    ? formatAmount(row.actual.amount, row.actual.currency)
                    : '—'}
                </TableCell>
                <TableCell align="right">
                  {row.forecast ? money(row.forecast.expected) : '—'}
                  {row.forecast && (
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      display="block"
                    >
                      {`${money(row.forecast.low)} – ${money(
                        row.forecast.high,
                      )}`}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right">
                  {row.forecastVariance === null
                    ? '—'
                    : formatVariance(row.forecastVariance)}
                  {row.variance !== null && (
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      display="block"
                    >
                      {`actual ${formatVariance(row.variance)}`}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {row.status ? (
                    <BudgetStatusWord status={row.status} />
                  ) : (
                    <Typography variant="body2" color="textSecondary">
                      {row.message ?? 'No status'}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
