import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ShouyinChannelList } from '../../../src/channels/channel-list.js';
import type { ChannelView } from '../../../src/channels/describe.js';
import { formatClock } from '../../../src/i18n/format.js';
import type { Channel, Session } from '../../../src/protocol/schemas.js';
import { newSession } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { accessibleDescription, findByRole, getByRole, queryAllByRole, textOf } from '../../support/roles.js';
import { until } from '../../support/wait.js';

afterEach(unmountAll);

const iso = (ms: number): string => new Date(ms).toISOString();
const NAMES: Record<string, string> = { wechat: '微信支付', alipay: '支付宝', unionpay: '云闪付', ecny: '数字人民币', card: '银行卡' };

function patch(session: Session, id: string, over: Partial<Channel>): Session {
  return { ...session, channels: session.channels.map((c) => (c.id === id ? { ...c, ...over } : c)) };
}

function radio(root: Element, id: string): HTMLInputElement {
  return getByRole(root, 'radio', { name: NAMES[id]! }) as HTMLInputElement;
}

describe('channels that cannot take the payment', () => {
  const cases: [string, string, (s: Session) => Session, string, { env?: string; query?: string }][] = [
    ['over the per-transaction limit', 'wechat', (s) => s, '超出单笔限额', { query: 'amount=600000' }],
    [
      "over today's remaining limit",
      'alipay',
      (s) => patch(s, 'alipay', { limits: { perTransaction: 2_000_000, perDay: 5_000_000, usedToday: 4_990_000 } }),
      '超出今日剩余额度',
      {},
    ],
    ['under the minimum', 'card', (s) => s, '低于最低支付金额', { query: 'amount=50' }],
    ['down', 'wechat', (s) => s, '暂不可用', { query: 'scenario=wechat:down' }],
    [
      'under maintenance now',
      'unionpay',
      (s) => patch(s, 'unionpay', { maintenance: [{ from: iso(Date.now() - 60_000), to: iso(Date.now() + 3_600_000) }] }),
      `维护中，${formatClock(Date.now() + 3_600_000, 'zh-CN')} 恢复`,
      {},
    ],
    ['not usable in this environment (Alipay inside WeChat)', 'alipay', (s) => s, '微信内无法使用，请点右上角「···」选择在浏览器打开', { env: 'wechat' }],
    ['WeChat Pay inside Alipay', 'wechat', (s) => s, '支付宝内无法使用，请点右上角「···」选择在浏览器打开', { env: 'alipay' }],
  ];
  for (const [name, id, change, reason, { env, query }] of cases) {
    it(`${name}: disabled, visible, and says why to screen readers`, async () => {
      const session = change(await newSession(query ?? ''));
      const { el } = await mountCheckout({ session, ...(env ? { env } : {}) });
      const input = radio(el, id);
      expect(input.disabled).to.equal(true);
      expect(input.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(accessibleDescription(input)).to.contain(reason);
      expect(input.checked).to.equal(false);
    });
  }

  it('is accessible with disabled channels', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=600000', env: 'wechat' });
    await expect(el).to.be.accessible();
  });
});

describe('what each channel shows', () => {
  it('limits, what is left today, arrival, fee, promo, the new badge, busy status and a maintenance window ahead', async () => {
    const from = Date.now() + 2 * 3_600_000;
    const to = from + 3_600_000;
    let session = await newSession();
    session = patch(session, 'wechat', { status: 'degraded', maintenance: [{ from: iso(from), to: iso(to) }] });
    session = patch(session, 'ecny', { fee: { fixed: 100 } });
    const { el } = await mountCheckout({ session });
    const wechat = accessibleDescription(radio(el, 'wechat'));
    expect(wechat).to.contain('单笔限额 ¥5,000.00').and.contain('今日剩余 ¥18,000.00').and.contain('实时到账');
    expect(wechat).to.contain('通道繁忙，可能较慢');
    expect(wechat).to.contain(`维护时段 ${formatClock(from, 'zh-CN')}–${formatClock(to, 'zh-CN')}`);
    expect(accessibleDescription(radio(el, 'unionpay'))).to.contain('当日到账 (T+0)').and.contain('云闪付新用户随机立减');
    expect(accessibleDescription(radio(el, 'ecny'))).to.contain('新').and.contain('手续费 ¥1.00');
    expect(accessibleDescription(radio(el, 'card'))).to.contain('手续费 0.6%').and.contain('次个工作日到账 (T+1)');
  });

  it('gives every channel a touch target of at least 44 px, the whole row', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session' });
    for (const input of queryAllByRole(el, 'radio') as HTMLInputElement[]) {
      const box = input.getBoundingClientRect();
      expect(box.height, input.value).to.be.at.least(44);
      expect(box.width).to.be.at.least(44);
    }
  });
});

describe('host notices', () => {
  it('shows the session notices as a banner the payer can dismiss', async () => {
    const session = {
      ...(await newSession()),
      notices: [
        { id: 'n1', level: 'info' as const, text: '云闪付新通道上线，手续费降低 50%' },
        { id: 'n2', level: 'warning' as const, text: '今晚 23:30 起银行卡维护一小时' },
      ],
    };
    const { el } = await mountCheckout({ session });
    await expect(el).to.be.accessible();
    // The banner is a lazy chunk, loaded when a session with notices arrives.
    const banner = await findByRole(el, 'list', { name: '商户通知' });
    expect(textOf(banner)).to.contain('手续费降低 50%').and.contain('银行卡维护');
    getByRole(el, 'button', { name: '关闭通知：云闪付新通道上线，手续费降低 50%' }).click();
    await el.updateComplete;
    await until(() => !el.shadowRoot!.querySelector('shouyin-notices')!.shadowRoot!.textContent!.includes('手续费降低'), 'dismissal');
    expect(queryAllByRole(el, 'button', { name: /关闭通知/ })).to.have.length(1);
  });
});

describe('recommendation', () => {
  const cases: [string, { env?: string; lastUsed?: string }, string][] = [
    ['WeChat Pay inside WeChat', { env: 'wechat' }, 'wechat'],
    ['WeChat Pay in a WeChat mini-program', { env: 'wechat-miniprogram' }, 'wechat'],
    ['Alipay inside Alipay', { env: 'alipay' }, 'alipay'],
    ['QuickPass inside UnionPay', { env: 'unionpay' }, 'unionpay'],
    ['the host order on desktop', { env: 'desktop' }, 'wechat'],
    ['the last used channel on a mobile browser', { env: 'mobile', lastUsed: 'ecny' }, 'ecny'],
    ['the app wallet over the last used one', { env: 'alipay', lastUsed: 'card' }, 'alipay'],
  ];
  for (const [name, options, expected] of cases) {
    it(`preselects ${name}`, async () => {
      const { el, log } = await mountCheckout({ sessionUrl: '/api/session', ...options });
      expect(radio(el, expected).checked).to.equal(true);
      expect(log.of('shouyin-ready')[0]!.channel).to.equal(expected);
      expect(log.of('shouyin-channel-change')).to.deep.equal([{ channel: expected, previous: null, reason: 'recommendation' }]);
    });
  }

  it('skips a recommended wallet the amount is too big for', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=600000', env: 'wechat' });
    expect(radio(el, 'card').checked).to.equal(true);
  });

  it('remembers the channel the payer paid with, by id only', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session' });
    radio(el, 'alipay').click();
    getByRole(el, 'button', { name: /确认支付/ }).click();
    await log.next('shouyin-success');
    expect(localStorage.getItem('shouyin.lastChannel.m_demo')).to.equal('alipay');
  });
});

describe('keyboard operation of the channel radio group', () => {
  it('moves with the arrow keys over disabled channels, and Home/End go to the ends', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session', env: 'wechat' });
    radio(el, 'wechat').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    // Alipay, QuickPass and e-CNY do not work inside WeChat: the arrow skips them.
    expect(radio(el, 'card').checked).to.equal(true);
    expect(log.of('shouyin-channel-change').at(-1)).to.deep.equal({ channel: 'card', previous: 'wechat', reason: 'user' });
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(radio(el, 'wechat').checked).to.equal(true);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(radio(el, 'card').checked).to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(radio(el, 'wechat').checked).to.equal(true);
  });

  it('selects with Space when nothing is selected yet', async () => {
    const list = document.createElement('shouyin-channel-list') as ShouyinChannelList;
    const view = (id: string, available = true): ChannelView => ({ id, kind: id, name: NAMES[id]!, available, details: [] });
    list.channels = [view('wechat'), view('alipay', false), view('card')];
    list.label = '选择支付方式';
    document.body.append(list);
    try {
      await list.updateComplete;
      const changes: string[] = [];
      list.addEventListener('shouyin-channel-select', () => changes.push(list.value!));
      radio(list, 'card').focus();
      // ' ' rather than 'Space': Puppeteer's Firefox keyboard knows the key by its character.
      await sendKeys({ press: ' ' });
      await list.updateComplete;
      expect(changes).to.deep.equal(['card']);
      expect(radio(list, 'card').checked).to.equal(true);
    } finally {
      list.remove();
    }
  });
});

describe('order countdown', () => {
  /** A session whose server clock is `skewMs` off the client's, with `leftMs` to pay. */
  async function skewed(skewMs: number, leftMs: number): Promise<Session> {
    const server = Date.now() + skewMs;
    return { ...(await newSession()), serverTime: iso(server), expiresAt: iso(server + leftMs) };
  }
  const clock = (el: Element): string => textOf(getByRole(el, 'timer'));

  for (const [name, skew] of [
    ['a client clock 10 minutes fast', -600_000],
    ['a client clock 10 minutes slow', 600_000],
  ] as const) {
    it(`counts the server's time with ${name}`, async () => {
      const { el, log } = await mountCheckout({ session: await skewed(skew, 90_000) });
      expect(log.of('shouyin-error')).to.deep.equal([]);
      expect(['1:30', '1:29']).to.include(clock(el));
      expect(getByRole(el, 'timer').getAttribute('aria-labelledby')).to.equal('label');
    });
  }

  it('tells screen readers politely when the last minute starts, not every second', async () => {
    const { el } = await mountCheckout({ session: await skewed(-600_000, 61_500) });
    const countdown = el.shadowRoot!.querySelector('shouyin-countdown')!;
    const live = countdown.shadowRoot!.querySelector('[aria-live=polite]')!;
    expect(textOf(live)).to.equal('');
    await until(() => textOf(live) !== '', 'the announcement');
    expect(textOf(live)).to.equal('支付剩余不到 1 分钟，请尽快完成支付');
    expect(countdown.hasAttribute('urgent')).to.equal(true);
  });

  it('at zero: pay is gone, shouyin-expire fires, and the payer is told what to do', async () => {
    const { el, log } = await mountCheckout({ session: await skewed(600_000, 2_000) });
    getByRole(el, 'button', { name: /确认支付/ });
    const expired = await log.next('shouyin-expire', 5000);
    expect(expired.amount).to.equal(12800);
    await el.updateComplete;
    expect(textOf(await findByRole(el, 'alert'))).to.equal('订单已超时关闭，请返回商户页面重新下单。');
    expect(queryAllByRole(el, 'button', { name: /确认支付/ })).to.have.length(0);
    expect(clock(el)).to.equal('0:00');
  });
});

describe('maintenance windows while the cashier is open', () => {
  it('a channel becomes payable when its window closes, without a reload', async () => {
    const end = Date.now() + 1500;
    const session = patch(await newSession(), 'unionpay', { maintenance: [{ from: iso(Date.now() - 60_000), to: iso(end) }] });
    const { el } = await mountCheckout({ session });
    expect(radio(el, 'unionpay').disabled).to.equal(true);
    await until(() => !radio(el, 'unionpay').disabled, 'the window to close');
    expect(accessibleDescription(radio(el, 'unionpay'))).not.to.contain('维护中');
  });

  it('a window that opens takes the selected channel away and recommends another', async () => {
    const start = Date.now() + 1200;
    const session = patch(await newSession(), 'wechat', { maintenance: [{ from: iso(start), to: iso(start + 3_600_000) }] });
    const { el, log } = await mountCheckout({ session });
    expect(radio(el, 'wechat').checked).to.equal(true);
    await until(() => radio(el, 'wechat').disabled, 'the window to open');
    expect(radio(el, 'alipay').checked).to.equal(true);
    expect(log.of('shouyin-channel-change').at(-1)).to.deep.equal({ channel: 'alipay', previous: 'wechat', reason: 'recommendation' });
  });
});
