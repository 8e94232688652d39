// On a phone (390 px wide, issue 14): each role's landing page, the front page and the leader's
// overview fit the screen's width, so nothing needs scrolling sideways, and the overview shows each
// doctor as a card with the name, the progress, the supervisor and the most urgent warning. Each
// page is checked with axe-core and screenshotted (test-output/browser/phone-*.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, tabTo, release } from './support.mjs';

const phone = { width: 390, height: 844 };

// The demo's logins, one for each role, with the name their screenshots get.
const logins = [
  ['leader', 'leder.bergen@demo.alis.no'],
  ['trainee', 'alis@demo.alis.no'],
  ['supervisor', 'veileder@demo.alis.no'],
  ['regional-office', 'alis-kontor.bergen@demo.alis.no'],
  ['directorate', 'helsedirektoratet@demo.alis.no'],
  ['administrator', 'admin@demo.alis.no'],
];

async function assertNoSidewaysScroll(page, what) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${what} is ${scrollWidth} px wide on a ${innerWidth} px screen`);
}

// Fails if a table's own region scrolls sideways: on a phone its rows are cards that fit.
async function assertTableFits(locator, what) {
  const { scrollWidth, clientWidth } = await locator.evaluate((wrap) => ({
    scrollWidth: wrap.scrollWidth,
    clientWidth: wrap.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${what} is ${scrollWidth} px wide in ${clientWidth} px`);
}

// Fails unless the element is shown and lies within the phone's width (its left and right edge
// between 0 and 390 px), wherever it is vertically.
async function assertWithinWidth(locator, what) {
  await locator.scrollIntoViewIfNeeded();
  assert.ok(await locator.isVisible(), `${what} is shown`);
  const box = await locator.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= phone.width,
    `${what} lies within the phone's width: ${JSON.stringify(box)}`);
}

test('the public front page fits a phone', async () => {
  const page = await newPage(phone);
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'ALIS-kontor Bergen' }).waitFor();
  await assertNoSidewaysScroll(page, 'the front page');
  await assertTableFits(page.locator('.alis-table-wrap').first(), 'the first office\'s table');
  const bergen = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Bergen / }) });
  await assertWithinWidth(bergen.getByRole('rowheader'), 'a municipality\'s name');
  await assertWithinWidth(bergen.locator('.ds-tag'), 'its status');
  await assertWithinWidth(bergen.locator('td[data-label="ALIS"]'), 'its doctors');
  await checkAccessibility(page, 'phone-front-page');
  await release(page);
});

for (const [role, email] of logins) {
  test(`the landing page of the ${role} fits a phone`, async () => {
    const page = await newPage(phone);
    await login(page, email);
    await assertNoSidewaysScroll(page, `/meg of ${email}`);
    for (const wrap of await page.locator('.alis-table-wrap').all()) {
      await assertTableFits(wrap, `a table on /meg of ${email}`);
    }
    await assertWithinWidth(page.getByRole('heading', { name: 'Mine oppgaver' }), 'the tasks heading');
    await checkAccessibility(page, `phone-me-${role}`);
    await release(page);
  });
}

test('on a phone the leader\'s overview shows one card per doctor, and stays a table', async () => {
  const page = await newPage(phone);
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(`${baseUrl}/kommuner/4601/oversikt`);
  await assertNoSidewaysScroll(page, 'the overview');
  await assertTableFits(page.locator('.alis-table-wrap').first(), 'the overview\'s table');
  const doctors = page.locator('table.alis-cards').first().locator('tbody > tr');
  const first = doctors.first();
  await assertWithinWidth(first, 'the first doctor\'s card');
  await assertWithinWidth(first.getByRole('rowheader').getByRole('link'), 'the name');
  await assertWithinWidth(first.locator('td[data-label="Tellende måneder av 60"]'), 'the progress');
  await assertWithinWidth(first.getByRole('img', { name: / \/ / }), 'the progress bar');
  await assertWithinWidth(first.locator('td[data-label="Veileder"]'), 'the supervisor');
  await assertWithinWidth(first.locator('td[data-label="Viktigste varsel"]'), 'the most urgent warning');
  // The demo has doctors with a warning; the first of them shows it as a tag inside the card.
  const warned = doctors.filter({ has: page.locator('td[data-label="Viktigste varsel"] .ds-tag') });
  assert.ok(await warned.count() > 0, 'some doctor of the demo has a warning');
  await assertWithinWidth(warned.first().locator('td[data-label="Viktigste varsel"] .ds-tag'),
    'a doctor\'s warning');
  // The cards are stacked, one under the other, not side by side.
  const [a, b] = [await doctors.nth(0).boundingBox(), await doctors.nth(1).boundingBox()];
  assert.ok(b.y >= a.y + a.height, 'the second card is under the first');
  // What the browser tells a screen reader is still a table with its column headers.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const named = (r, name) => nodes.some((n) => n.role?.value === r && n.name?.value === name);
  assert.ok(nodes.some((n) => n.role?.value === 'table'), 'the overview is a table');
  assert.ok(named('columnheader', 'Veileder'), 'the supervisor column keeps its header');
  assert.ok(nodes.some((n) => n.role?.value === 'rowheader'), 'each doctor is a row header');
  await checkAccessibility(page, 'phone-leader-overview');
  await release(page);
});

test('on a wide screen the leader\'s overview is still a table of columns', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(`${baseUrl}/kommuner/4601/oversikt`);
  assert.ok(await page.getByRole('columnheader', { name: 'Veileder' }).first().isVisible());
  const first = page.locator('table.alis-cards').first().locator('tbody > tr').first();
  const name = await first.getByRole('rowheader').boundingBox();
  const supervisor = await first.locator('td[data-label="Veileder"]').boundingBox();
  assert.equal(Math.round(supervisor.y), Math.round(name.y), 'the cells are side by side');
  assert.equal(await first.locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content),
    'none', 'no column name is written into a cell');
  await release(page);
});

test('on a phone, with the keyboard alone, the leader opens the first doctor from the overview', async () => {
  const page = await newPage(phone);
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(`${baseUrl}/kommuner/4601/oversikt`);
  const first = page.locator('table.alis-cards').first().locator('tbody th a').first();
  const name = await first.innerText();
  await tabTo(page, first);
  await assertWithinWidth(first, 'the focused name');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/personer\/\d+$/);
  await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
  await assertNoSidewaysScroll(page, 'the doctor\'s page');
  await checkAccessibility(page, 'phone-person-keyboard');
  await release(page);
});
