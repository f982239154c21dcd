import { ReactNode } from 'react';

export interface Sort {
  field: string;
  dir: 'asc' | 'desc';
}

/** `field,dir` as Spring Data reads it. */
export function parseSort(value: string | null, fallback: Sort): Sort {
  if (!value) return fallback;
  const [field, dir] = value.split(',');
  return field ? { field, dir: dir === 'desc' ? 'desc' : 'asc' } : fallback;
}

export function sortParam(sort: Sort): string {
  return `${sort.field},${sort.dir}`;
}

/** The next sort when a column header is pressed: same column flips, another starts ascending. */
export function toggleSort(current: Sort, field: string): Sort {
  return current.field === field ? { field, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { field, dir: 'asc' };
}

interface SortHeaderProps {
  field: string;
  sort: Sort;
  onSort: (field: string) => void;
  children: ReactNode;
  className?: string;
}

export function SortHeader({ field, sort, onSort, children, className }: SortHeaderProps) {
  const active = sort.field === field;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className="sort-button" onClick={() => onSort(field)} data-testid={`sort-${field}`}>
        {children}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
