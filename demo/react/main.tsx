/**
 * A React host: `<ShouyinCheckout>` from `shouyin/react`, its typed event props, and the page's
 * own view of the payment. `npm run build`, then `npx vite build demo/react`; `npm start`
 * serves it at /demo/react/dist/ beside the reference backend.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ShouyinCheckout } from 'shouyin/react';

function App() {
  const [status, setStatus] = useState('正在加载订单…');
  return (
    <main>
      <h1>收银台 (React)</h1>
      <ShouyinCheckout
        sessionUrl="/api/session?amount=8800"
        onReady={(event) => setStatus(`订单 ${event.detail.orderId} 待支付`)}
        onSuccess={(event) => setStatus(`已支付：${event.detail.paymentId}`)}
        onFailure={(event) => setStatus(`支付失败：${event.detail.message}`)}
        onError={(event) => setStatus(`无法支付：${event.detail.message}`)}
      />
      <p role="status">{status}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
