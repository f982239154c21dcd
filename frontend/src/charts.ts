// Only the parts of Chart.js the console uses, registered once (keeps the chunk small).
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);

export const TYPE_COLORS = {
  receivables: '#b45309',
  debts: '#1d4ed8',
  collected: '#15803d',
  outstanding: '#b91c1c',
};
