import { conditionIsGood, conditionsOf } from './objectModel';
import { Age, LongText, Section } from './bits';

/** status.conditions as a table: type, status, reason, message, last transition. */
export function ConditionsSection({ obj, now }: { obj: any; now: number }) {
  const conditions = conditionsOf(obj);
  if (conditions.length === 0) return null;
  return (
    <Section title="Conditions" testId="dp-conditions">
      <table className="dp-table">
        <thead><tr><th>Type</th><th>Status</th><th>Reason and message</th><th>Changed</th></tr></thead>
        <tbody>
          {conditions.map((c) => {
            const good = conditionIsGood(c);
            return (
              <tr key={c.type}>
                <td className="dp-strong">{c.type}</td>
                <td><span className={`dp-status ${good === undefined ? 'dp-tone-muted' : good ? 'dp-tone-ok' : 'dp-tone-bad'}`}>{c.status}</span></td>
                <td className="dp-msg">
                  {c.reason && <div className="dp-reason">{c.reason}</div>}
                  {c.message && <div className="muted"><LongText text={c.message} lines={2} /></div>}
                </td>
                <td className="dp-nowrap"><Age ts={c.lastTransitionTime} now={now} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
