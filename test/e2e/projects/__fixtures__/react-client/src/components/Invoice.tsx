import { useOktaAuth } from '@okta/okta-react';
import { useState } from 'react';

export function InvoiceDownload({ orderId }: { orderId: string }) {
  const { authState } = useOktaAuth();
  const [error, setError] = useState<string>();
  const download = async () => {
    const response = await fetch(`/api/orders/${orderId}/invoice`, { headers: { Authorization: `Bearer ${authState?.idToken?.idToken}` } });
    if (!response.ok) setError(`the invoice could not be fetched (${response.status})`);
  };
  return (
    <p>
      <button onClick={download}>Invoice</button>
      {error && <span role="alert">{error}</span>}
    </p>
  );
}
