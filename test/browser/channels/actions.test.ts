/**
 * The backend's actions with `?scenario=action`: the super-app bridges (simulated: they are
 * the environment's API, and record their calls), the QR code decoded back to the backend's
 * content, and the H5 redirect through an injected navigation. Success is only ever what the
 * backend says.
 */
import { expect } from '@open-wc/testing';
import { decodeQR } from '@paulmillr/qr/decode.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import type { IntentResponse } from '../../../src/protocol/schemas.js';
import { ledger } from '../../support/backend.js';
import { mountCheckout, unmountAll, type EventLog } from '../../support/mount.js';
import { findByRole, getByRole, textOf } from '../../support/roles.js';

type Callback = (result: unknown) => void;
interface BridgeWindow {
  WeixinJSBridge?: { invoke(method: string, params: Record<string, unknown>, cb: Callback): void };
  AlipayJSBridge?: { call(method: string, params: Record<string, unknown>, cb: Callback): void };
}
const win = window as unknown as BridgeWindow;

afterEach(() => {
  unmountAll();
  delete win.WeixinJSBridge;
  delete win.AlipayJSBridge;
});

/** The wallet's network tells the backend the payer paid (what a real payer does in the app). */
async function payerConfirms(paymentId: string): Promise<void> {
  const response = await fetch(`/api/intents/${encodeURIComponent(paymentId)}/confirm`, { method: 'POST' });
  if (!response.ok) throw new Error(`confirm: HTTP ${response.status}`);
}

async function backendAnswer(paymentId: string): Promise<IntentResponse> {
  return (await (await fetch(`/api/intents/${encodeURIComponent(paymentId)}`)).json()) as IntentResponse;
}

async function pay(el: ShouyinCheckout, log: EventLog) {
  getByRole(el, 'button', { name: /确认支付/ }).click();
  return log.next('shouyin-pending');
}

/** A WeChat bridge that records its calls and answers with `err_msg`, after `before` runs. */
function wechatBridge(errMsg: string, before: (params: Record<string, unknown>) => Promise<void> = async () => {}) {
  const calls: { method: string; params: Record<string, unknown> }[] = [];
  const bridge = {
    invoke(method: string, params: Record<string, unknown>, cb: Callback) {
      calls.push({ method, params });
      void before(params).then(() => cb({ err_msg: errMsg }));
    },
  };
  return { calls, bridge };
}

const paymentOf = (params: Record<string, unknown>): string => String(params.package).replace('prepay_id=', '');

describe('WeChat JS bridge (inside WeChat)', () => {
  it('opens getBrandWCPayRequest with the backend params; ok only checks, the backend says paid', async () => {
    const { calls, bridge } = wechatBridge('get_brand_wcpay_request:ok', (params) => payerConfirms(paymentOf(params)));
    win.WeixinJSBridge = bridge;
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'wechat' });
    const pending = await pay(el, log);
    expect(pending.action).to.equal('bridge');
    const success = await log.first('shouyin-success', 4000);
    expect(calls).to.have.length(1);
    expect(calls[0]!.method).to.equal('getBrandWCPayRequest');
    const answer = await backendAnswer(success.paymentId);
    expect(answer.status).to.equal('succeeded');
    expect(calls[0]!.params).to.deep.equal(answer.action?.type === 'bridge' ? answer.action.params : null);
    expect((await ledger(success.orderId)).paid).to.equal(true);
  });

  it('does not report success on the bridge ok alone while the backend has not been paid', async () => {
    const { bridge } = wechatBridge('get_brand_wcpay_request:ok');
    win.WeixinJSBridge = bridge;
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'wechat' });
    const pending = await pay(el, log);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(log.of('shouyin-success')).to.deep.equal([]);
    expect(textOf(await findByRole(el, 'status'))).to.contain('正在确认支付结果');
    await payerConfirms(pending.paymentId);
    getByRole(el, 'button', { name: '我已完成支付' }).click();
    expect((await log.first('shouyin-success')).paymentId).to.equal(pending.paymentId);
  });

  it('cancel ends the attempt as canceled, and the payer can pay again', async () => {
    const { bridge } = wechatBridge('get_brand_wcpay_request:cancel');
    win.WeixinJSBridge = bridge;
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'wechat' });
    const pending = await pay(el, log);
    const failure = await log.first('shouyin-failure');
    expect(failure).to.include({ code: 'canceled', retryable: true, paymentId: pending.paymentId });
    await el.updateComplete;
    expect(textOf(await findByRole(el, 'alert'))).to.equal('支付已取消。');
    const second = await pay(el, log);
    expect(second.attempt).not.to.equal(pending.attempt);
    expect(log.of('shouyin-submit').at(-1)!.previousAttempt).to.equal(pending.attempt);
  });

  it('waits for WeixinJSBridgeReady when the bridge is not there yet', async () => {
    const { calls, bridge } = wechatBridge('get_brand_wcpay_request:ok', (params) => payerConfirms(paymentOf(params)));
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'wechat' });
    await pay(el, log);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).to.have.length(0);
    win.WeixinJSBridge = bridge;
    document.dispatchEvent(new Event('WeixinJSBridgeReady'));
    await log.first('shouyin-success', 4000);
    expect(calls).to.have.length(1);
  });
});

describe('Alipay JS bridge (inside Alipay)', () => {
  function alipayBridge(resultCode: string, confirm: boolean) {
    const calls: { method: string; params: Record<string, unknown> }[] = [];
    win.AlipayJSBridge = {
      call(method, params, cb) {
        calls.push({ method, params });
        void (confirm ? payerConfirms(String(params.tradeNO)) : Promise.resolve()).then(() => cb({ resultCode }));
      },
    };
    return calls;
  }

  it('calls tradePay with the trade number; 9000 checks and the backend says paid', async () => {
    const calls = alipayBridge('9000', true);
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'alipay' });
    const pending = await pay(el, log);
    expect(pending.channel).to.equal('alipay');
    const success = await log.first('shouyin-success', 4000);
    expect(calls).to.deep.equal([{ method: 'tradePay', params: { tradeNO: success.paymentId } }]);
  });

  it('6001 (the payer closed the sheet) is a canceled attempt', async () => {
    alipayBridge('6001', false);
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'alipay' });
    await pay(el, log);
    expect((await log.first('shouyin-failure')).code).to.equal('canceled');
  });
});

/** Draws the QR code's SVG on a canvas and reads it back with an independent decoder. */
async function decodeSvg(svg: SVGSVGElement): Promise<string> {
  const side = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
  const size = side * 8;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(size));
  copy.setAttribute('height', String(size));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size, size);
    context.drawImage(image, 0, 0, size, size);
    const { data } = context.getImageData(0, 0, size, size);
    return decodeQR({ width: size, height: size, data });
  } finally {
    URL.revokeObjectURL(url);
  }
}

describe('QR code (desktop)', () => {
  it('shows a code that decodes to the backend content, with the amount and a scan hint, then pays', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'desktop' });
    const pending = await pay(el, log);
    expect(pending.action).to.equal('qr');
    const image = await findByRole(el, 'img', { name: '微信支付二维码' });
    const qr = el.shadowRoot!.querySelector('shouyin-qr-code')!;
    expect(qr.shadowRoot!.textContent).to.contain('扫码支付 ¥128.00').and.contain('请使用微信「扫一扫」扫码支付');
    await expect(el).to.be.accessible();
    const answer = await backendAnswer(pending.paymentId);
    expect(answer.action?.type).to.equal('qr');
    const content = answer.action?.type === 'qr' ? answer.action.content : '';
    expect(await decodeSvg(image as unknown as SVGSVGElement)).to.equal(content);
    await payerConfirms(pending.paymentId);
    getByRole(el, 'button', { name: '我已完成支付' }).click();
    await log.first('shouyin-success');
    expect(el.shadowRoot!.querySelector('shouyin-qr-code')).to.equal(null);
  });
});

describe('H5 redirect (mobile browser)', () => {
  it('navigates to the wallet page the backend names, and pays when the payer comes back', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'mobile' });
    const visited: string[] = [];
    el.navigate = (url) => void visited.push(url);
    const pending = await pay(el, log);
    expect(pending.action).to.equal('redirect');
    const answer = await backendAnswer(pending.paymentId);
    expect(visited).to.deep.equal([answer.action?.type === 'redirect' ? answer.action.url : '']);
    expect(visited[0]).to.match(/^https:\/\/wx\.tenpay\.com\//);
    await payerConfirms(pending.paymentId);
    getByRole(el, 'button', { name: '我已完成支付' }).click();
    await log.first('shouyin-success');
  });
});

describe('WeChat mini-program web-view', () => {
  interface NavigateOptions {
    url: string;
    success?: () => void;
  }
  const wxWindow = window as unknown as { wx?: { miniProgram: { navigateTo(options: NavigateOptions): void } } };
  afterEach(() => delete wxWindow.wx);

  /** The JSSDK's `wx.miniProgram`, recording where it was sent; the bridge, recording any call. */
  function inMiniProgram() {
    const urls: string[] = [];
    const bridgeCalls: string[] = [];
    wxWindow.wx = { miniProgram: { navigateTo: (options) => (urls.push(options.url), options.success?.()) } };
    win.WeixinJSBridge = { invoke: (method) => void bridgeCalls.push(method) };
    return { urls, bridgeCalls };
  }

  it('opens the mini-program page with the backend path and params, never getBrandWCPayRequest; the return checks', async () => {
    const { urls, bridgeCalls } = inMiniProgram();
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'wechat-miniprogram' });
    const pending = await pay(el, log);
    expect(pending.action).to.equal('miniprogram');
    const answer = await backendAnswer(pending.paymentId);
    const action = answer.action?.type === 'miniprogram' ? answer.action : undefined;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(urls).to.deep.equal([`${action!.path}?${action!.params}`]);
    expect(new URLSearchParams(urls[0]!.split('?')[1]).get('package')).to.equal(`prepay_id=${pending.paymentId}`);
    expect(bridgeCalls).to.deep.equal([]);
    expect(textOf(await findByRole(el, 'status'))).to.contain('正在确认支付结果');
    // The mini-program paid (`wx.requestPayment`) and went back: the page shows again.
    await payerConfirms(pending.paymentId);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    const success = await log.first('shouyin-success', 1500);
    expect(success.paymentId).to.equal(pending.paymentId);
    expect(bridgeCalls).to.deep.equal([]);
  });

  it('"我已完成支付" checks at once', async () => {
    inMiniProgram();
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'wechat-miniprogram' });
    const pending = await pay(el, log);
    expect(pending.action).to.equal('miniprogram');
    await payerConfirms(pending.paymentId);
    getByRole(el, 'button', { name: '我已完成支付' }).click();
    expect((await log.first('shouyin-success', 1500)).paymentId).to.equal(pending.paymentId);
  });

  it('without the JSSDK: shouyin-error miniprogram_unavailable, the payer is told, and may pay again', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'wechat-miniprogram' });
    const pending = await pay(el, log);
    const error = await log.first('shouyin-error', 7000);
    expect(error.code).to.equal('miniprogram_unavailable');
    const failure = await log.first('shouyin-failure');
    expect(failure).to.include({ code: 'miniprogram_unavailable', paymentId: pending.paymentId });
    await el.updateComplete;
    expect(textOf(await findByRole(el, 'alert'))).to.equal('无法打开小程序支付页面，请返回小程序重试，或更换支付方式。');
    expect(getByRole(el, 'button', { name: /确认支付/ }).getAttribute('aria-disabled')).to.equal('false');
  });
});

describe('UnionPay QuickPass app (upsdk)', () => {
  interface PayOptions {
    tn: string;
    success(): void;
    fail(error?: unknown): void;
  }
  const upWindow = window as unknown as { upsdk?: { pluginReady(cb: () => void): void; pay(options: PayOptions): void } };
  afterEach(() => delete upWindow.upsdk);

  /** `upsdk` as the QuickPass app's page has it, answering `pay` with `answer` after `before`. */
  function quickPass(answer: (options: PayOptions) => void, before: (tn: string) => Promise<void> = async () => {}) {
    const paid: string[] = [];
    upWindow.upsdk = {
      pluginReady: (cb) => void setTimeout(cb, 10),
      pay: (options) => {
        paid.push(options.tn);
        void before(options.tn).then(() => answer(options));
      },
    };
    return paid;
  }

  it('calls upsdk.pay with the backend tn; success only checks, the backend says paid', async () => {
    const paid = quickPass((o) => o.success(), payerConfirms);
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'unionpay' });
    expect(log.of('shouyin-ready')[0]!.channel).to.equal('unionpay');
    const pending = await pay(el, log);
    expect(pending.action).to.equal('bridge');
    const success = await log.first('shouyin-success', 4000);
    const answer = await backendAnswer(success.paymentId);
    expect(paid).to.deep.equal([answer.action?.type === 'bridge' ? answer.action.params.tn : null]);
    expect((await ledger(success.orderId)).paid).to.equal(true);
  });

  it('success while the backend has not been paid is no success', async () => {
    quickPass((o) => o.success());
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'unionpay' });
    await pay(el, log);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(log.of('shouyin-success')).to.deep.equal([]);
    expect(textOf(await findByRole(el, 'status'))).to.contain('正在确认支付结果');
  });

  it('a cancel ends the attempt as canceled', async () => {
    quickPass((o) => o.fail({ msg: 'cancel' }));
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'unionpay' });
    await pay(el, log);
    expect((await log.first('shouyin-failure')).code).to.equal('canceled');
    await el.updateComplete;
    expect(textOf(await findByRole(el, 'alert'))).to.equal('支付已取消。');
  });

  it('an upsdk that comes late, within the time-out, pays', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'unionpay' });
    await pay(el, log);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const paid = quickPass((o) => o.success(), payerConfirms);
    await log.first('shouyin-success', 4000);
    expect(paid).to.have.length(1);
  });

  it('no upsdk: the attempt fails as channel_unavailable, and the payer is told', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=action', env: 'unionpay' });
    await pay(el, log);
    expect((await log.first('shouyin-failure', 7000)).code).to.equal('channel_unavailable');
    await el.updateComplete;
    expect(textOf(await findByRole(el, 'alert'))).to.equal('该支付方式暂不可用，请更换支付方式。');
  });
});
