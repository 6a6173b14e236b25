import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client.js';
import { selectTransport } from './api/transports/select.js';
import { App } from './app/App.js';
import { Providers } from './app/providers.js';
import './shared/ui/theme.css';
import './app/shell.css';
import './shared/ui/controls.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const client = createClient(selectTransport());

createRoot(root).render(
  <StrictMode>
    <Providers client={client}>
      <App />
    </Providers>
  </StrictMode>,
);
