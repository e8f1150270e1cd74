import { useOktaAuth } from '@okta/okta-react';
import { useEffect, useState } from 'react';

export function Cart() {
  const { authState } = useOktaAuth();
  const [items, setItems] = useState<string[]>([]);
  useEffect(() => {
    if (!authState?.isAuthenticated) return;
    fetch('/api/cart', { headers: { Authorization: `Bearer ${authState.idToken?.idToken}` } })
      .then((response) => response.json() as Promise<{ items: string[] }>)
      .then((cart) => setItems(cart.items));
  }, [authState]);
  return <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>;
}
