import { useOktaAuth } from '@okta/okta-react';
import { jwtDecode } from 'jwt-decode';
import { useEffect, useState } from 'react';

export function Orders() {
  const { authState } = useOktaAuth();
  const idToken = authState?.idToken?.idToken;
  const [orders, setOrders] = useState([]);
  useEffect(() => {
    if (idToken) fetch('/api/orders', { headers: { Authorization: `Bearer ${idToken}` } }).then((response) => response.json()).then(setOrders);
  }, [idToken]);
  return <ul>{orders.map((order) => <li key={order.id}>{order.id}</li>)}</ul>;
}

// The same token also names the user on screen: a person splits the two.
export function Greeting() {
  const { authState } = useOktaAuth();
  const idToken = authState?.idToken?.idToken;
  useEffect(() => {
    fetch('/api/visits', { method: 'POST', headers: { Authorization: `Bearer ${idToken}` } });
  }, [idToken]);
  return <p>Hello, {jwtDecode(idToken).name}</p>;
}
