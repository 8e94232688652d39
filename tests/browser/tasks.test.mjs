// Every role's landing page (issue 14), against alis demo, with the keyboard alone: each demo
// login lands on /meg, whose "Mine oppgaver" lists what that person must do now, computed from the
// demo data; the first task is reached with Tab and opened with Enter, and leads to the page where
// it is done. The administrator, who has none, is told so. Every landing page is checked with
// axe-core (WCAG 2.1 A/AA).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, checkAccessibility, login, tabTo, release } from './support.mjs';

// Each demo login, the role heading of its tasks, and what its first task says and leads to.
const logins = [
  ['leder.bergen@demo.alis.no', 'Leder', /^Læringsmål som venter på godkjenning i Bergen/, /\/kommuner\/4601\/godkjenninger$/],
  ['leder.tromso@demo.alis.no', 'Leder', /^Uten planlagt institusjonstjeneste i Tromsø/, /\/kommuner\/5501\/oversikt\?filter=varsler$/],
  ['alis@demo.alis.no', 'Lege i spesialisering (ALIS)', /^Forbered veiledningsmøtet/, /\/personer\/\d+\/veiledning\/\d+$/],
  ['veileder@demo.alis.no', 'Veileder', /^Gi råd om læringsmålet/, /\/personer\/\d+\/laeringsmaal\/\d+$/],
  ['supervisor@demo.alis.no', 'Supervisør', /^Signer læringsaktiviteter for .* som du har sett i daglig arbeid/, /\/personer\/\d+\/laeringsmaal$/],
  ['alis-kontor.bergen@demo.alis.no', 'ALIS-kontor', /^Varsler i Bergen: \d+/, /\/kommuner\/4601\/oversikt\?filter=varsler$/],
  ['helsedirektoratet@demo.alis.no', 'Nasjonal forvaltning', /^Se stabiliteten i hele landet/, /\/stabilitet$/],
];

for (const [email, role, first, destination] of logins) {
  test(`${email} is told what to do and reaches it by keyboard`, async () => {
    const page = await newPage();
    await login(page, email);
    const tasks = page.getByRole('region', { name: 'Mine oppgaver' });
    assert.ok(await tasks.getByRole('heading', { name: role }).isVisible(), `${role} heads the tasks`);
    const links = tasks.getByRole('link');
    assert.ok(await links.count() >= 1, 'at least one task');
    const task = links.first();
    assert.match((await task.innerText()).trim(), first);
    await checkAccessibility(page, `tasks-${email.split('@')[0]}`);
    const href = await task.getAttribute('href');
    await tabTo(page, task);
    await page.keyboard.press('Enter');
    await page.waitForURL(destination);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, href);
    assert.ok(await page.getByRole('heading', { level: 1 }).isVisible(), 'the task leads to a page');
    assert.equal(await page.getByText('Du har ikke tilgang').count(), 0, 'that the login may open');
    await release(page);
  });
}

test('the administrator, who has no tasks, is told so', async () => {
  const page = await newPage();
  await login(page, 'admin@demo.alis.no');
  const tasks = page.getByRole('region', { name: 'Mine oppgaver' });
  assert.ok(await tasks.getByText('Du har ingen oppgaver akkurat nå.').isVisible());
  assert.equal(await tasks.getByRole('link').count(), 0);
  await checkAccessibility(page, 'tasks-admin');
  await release(page);
});
