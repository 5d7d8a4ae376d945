// @vaadin/grid given the same rows: data → first paint, then the same filter → paint. The grid gets
// the agents already sorted (as the memory adapter holds them) and a filtered array on a filter,
// which is how a host without a paging backend would use it.
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import type { Grid, GridColumn } from '@vaadin/grid';
import type { Agent } from '../src/core/index.js';
import { byName, dataSet, filterType, measureToPaint, publish } from './common.js';

const { snapshot, agents } = dataSet();
const catalog = snapshot.catalog;
const sorted = byName(agents);
const typeId = filterType(sorted);
const firstBefore = sorted[0]!.email!;
const expectedFiltered = sorted.find((agent) => agent.licences.includes(typeId))!.email!;

/** The emails the grid's cells show now. */
const shownText = (grid: Grid<Agent>) =>
  [...grid.querySelectorAll('vaadin-grid-cell-content')].map((cell) => cell.textContent ?? '').join('\n');

function makeGrid(): Grid<Agent> {
  const grid = document.createElement('vaadin-grid') as Grid<Agent>;
  const name = document.createElement('vaadin-grid-column') as GridColumn<Agent>;
  name.header = 'Agent';
  name.width = '15rem';
  name.renderer = (root, _column, { item }) => {
    root.textContent = `${item.name}\n${item.email ?? ''}`;
  };
  grid.append(name);
  for (const type of catalog) {
    const column = document.createElement('vaadin-grid-column') as GridColumn<Agent>;
    column.header = type.name;
    column.width = '6.5rem';
    column.renderer = (root, _column, { item }) => {
      root.textContent = item.licences.includes(type.id) ? '✓' : '–';
    };
    grid.append(column);
  }
  return grid;
}

const since = performance.now();
let grid!: Grid<Agent>;
const dataToPaint = await measureToPaint(
  'data-to-paint',
  () => {
    grid = makeGrid();
    grid.items = sorted;
    document.querySelector('main')!.append(grid);
  },
  () => shownText(grid).includes(firstBefore),
);

await new Promise((resolve) => setTimeout(resolve, 300));
const filterToPaint = await measureToPaint(
  'filter-to-paint',
  () => {
    grid.items = sorted.filter((agent) => agent.licences.includes(typeId));
  },
  () => {
    const text = shownText(grid);
    return text.includes(expectedFiltered) && !text.includes(firstBefore);
  },
);

await publish({ dataToPaint, filterToPaint, elements: grid.querySelectorAll('*').length }, since);
