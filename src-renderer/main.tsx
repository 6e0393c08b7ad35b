import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ClientProvider, createClient } from './data/clientContext';
import './app/theme.css';

const client = createClient();
createRoot(document.getElementById('root')!).render(
  <ClientProvider client={client}>
    <App />
  </ClientProvider>,
);
