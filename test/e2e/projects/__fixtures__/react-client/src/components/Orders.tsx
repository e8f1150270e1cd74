import { useOktaAuth } from '@okta/okta-react';
import { useEffect, useState } from 'react';
import { listOrders, type Order } from '../api';

export function Orders() {
  const { authState } = useOktaAuth();
  const [orders, setOrders] = useState<Order[]>([]);
  useEffect(() => {
    if (authState?.isAuthenticated) listOrders().then(setOrders, () => setOrders([]));
  }, [authState]);
  return (
    <ul>
      {orders.map((order) => (
        <li key={order.id}>{order.total}</li>
      ))}
    </ul>
  );
}
