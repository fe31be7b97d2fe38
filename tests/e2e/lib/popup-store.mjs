// Stores for the popup tests, with times relative to now so the Overdue / Due / Upcoming
// groups do not depend on the day the suite runs.
const HOUR = 3600 * 1000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Three interviews: one overdue thank-you pair, one due now, one upcoming. */
export function popupStore(now = Date.now()) {
  return {
    version: 1,
    profile: { name: 'Sam Rivera', email: 'sam@example.com', phone: '+1 555 0100', signature: 'Sam Rivera\n+1 555 0100', keep: 'unknown field' },
    interviews: [
      {
        id: 'acme-pm', company: 'Acme Corp', role: 'Product Manager', industry: 'tech', stage: 'final', format: 'video',
        at: iso(now - 60 * HOUR), decision_by: day(now + 10 * 24 * HOUR), skills: ['user research', 'SQL'], promised: ['portfolio link'],
        interviewers: [
          { id: 'dana', name: 'Dana Lee', title: 'Head of Product', email: 'dana@acme.example', linkedin: 'https://www.linkedin.com/in/dana-lee', topics: ['the onboarding revamp planned for Q1'], primary: true },
          { id: 'raj', name: 'Raj Patel', title: 'Engineering Manager', email: 'raj@acme.example', topics: ['how product and engineering split discovery work'] },
        ],
      },
      {
        id: 'fable-content', company: 'Fable', role: 'Content Strategist', industry: 'startup', stage: 'first-round', format: 'phone',
        at: iso(now - 3 * HOUR), skills: ['localization'],
        interviewers: [{ id: 'maria', name: 'Maria Gómez', title: 'Editorial Director', email: 'maria@fable.example', topics: ['relaunching the help center in three languages'] }],
      },
      {
        id: 'globex-analyst', company: 'Globex', role: 'Data Analyst', industry: 'finance', stage: 'screen', format: 'onsite',
        at: iso(now + 26 * HOUR),
        interviewers: [{ id: 'hank', name: 'Hank Scorpio', linkedin: 'https://www.linkedin.com/in/hank' }],
      },
    ],
  };
}

/** `n` interviews with two people each, spread over the last weeks (for timing the popup). */
export function bigStore(n, now = Date.now()) {
  const interviews = [];
  for (let i = 0; i < n; i++) {
    interviews.push({
      id: `co-${i}`, company: `Company ${i}`, role: i % 2 ? 'Designer' : 'Engineer', industry: ['tech', 'finance', 'other'][i % 3],
      at: iso(now - (i % 40) * 24 * HOUR - 5 * HOUR),
      interviewers: [
        { id: 'a', name: `Alex ${i}`, email: `alex${i}@example.com`, topics: ['the roadmap'], primary: true },
        { id: 'b', name: `Blair ${i}`, email: `blair${i}@example.com` },
      ],
    });
  }
  return { version: 1, profile: { name: 'Sam Rivera' }, interviews };
}
