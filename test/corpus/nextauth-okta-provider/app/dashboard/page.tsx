import { redirect } from 'next/navigation';
import { auth } from '../../auth';

interface Invoice {
  id: string;
  total: number;
}

export default async function DashboardPage() {
  const session = await auth();
  if (!session) redirect('/api/auth/signin');

  const response = await fetch(`${process.env.API_URL}/invoices`, {
    headers: { Authorization: `Bearer ${(session as { accessToken?: string }).accessToken}` },
    cache: 'no-store',
  });
  const invoices = (await response.json()) as Invoice[];

  return (
    <main>
      <h1>Invoices for {session.user?.email}</h1>
      <ul>
        {invoices.map((invoice) => (
          <li key={invoice.id}>
            {invoice.id}: {invoice.total.toFixed(2)}
          </li>
        ))}
      </ul>
    </main>
  );
}
