import { Security } from '@okta/okta-react';
import { InvoiceDownload } from './components/Invoice';
import { Orders } from './components/Orders';
import { oktaAuth } from './okta-auth';

export function App() {
  return (
    <Security oktaAuth={oktaAuth} restoreOriginalUri={async (_auth, originalUri) => window.location.replace(originalUri)}>
      <Orders />
      <InvoiceDownload orderId="o-1" />
    </Security>
  );
}
