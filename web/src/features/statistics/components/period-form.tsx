/**
 * Choosing the period: presets that apply at once, or two dates and an answer target applied together, and an
 * optional reception or employee. An end before the start is refused in words; nothing is applied until valid.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useMessages } from '@/lib/i18n.tsx';
import { employeeGroupQueries } from '@/shared/api/employee-groups.ts';
import { employeeQueries } from '@/shared/api/employees.ts';
import { receptionQueries } from '@/shared/api/receptions.ts';
import { Button } from '@/shared/ui/button.tsx';
import { EndpointOptgroup } from '@/shared/ui/endpoint-optgroup.tsx';
import { statisticsMessages } from '../messages.ts';
import { PRESETS, parsePeriodForm, presetOf, presetPeriod, type PeriodFormError, type StatisticsParams } from '../model/period.ts';

export function PeriodForm({ params, today, onApply }: { params: StatisticsParams; today: string; onApply: (next: StatisticsParams) => void }) {
  const t = useMessages(statisticsMessages);
  const id = useId();
  const [values, setValues] = useState({ from: params.from, to: params.to, target: String(params.targetSeconds), endpoint: params.endpoint ?? '' });
  const [errors, setErrors] = useState<Partial<Record<'from' | 'to' | 'target', PeriodFormError>>>({});
  const receptions = useQuery(receptionQueries.list());
  const employees = useQuery(employeeQueries.list());
  const groups = useQuery(employeeGroupQueries.list());
  const activePreset = presetOf(params, today);

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => ({ ...previous, [name]: undefined }));
  };

  const withEndpoint = (next: StatisticsParams): StatisticsParams => {
    const result: StatisticsParams = { from: next.from, to: next.to, targetSeconds: next.targetSeconds };
    if (values.endpoint) result.endpoint = values.endpoint;
    return result;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = parsePeriodForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    onApply(withEndpoint({ ...result.period, targetSeconds: result.targetSeconds }));
  };

  const errorFor = (name: 'from' | 'to' | 'target') => {
    const code = errors[name];
    return code ? (
      <p id={`${id}-${name}-error`} className="stat-field__error" role="alert">
        {t.formErrors[code]}
      </p>
    ) : null;
  };

  return (
    <form className="stat-form no-print" onSubmit={onSubmit} noValidate aria-label={t.period}>
      <div className="stat-form__presets" role="group" aria-label={t.period}>
        {PRESETS.map((preset) => (
          <Button
            key={preset}
            variant={preset === activePreset ? 'primary' : 'secondary'}
            size="sm"
            aria-pressed={preset === activePreset}
            onClick={() => onApply(withEndpoint({ ...presetPeriod(preset, today), targetSeconds: params.targetSeconds }))}
          >
            {t.presets[preset]}
          </Button>
        ))}
      </div>
      <div className="stat-form__fields">
        <div className="stat-field">
          <label htmlFor={`${id}-from`}>{t.from}</label>
          <input id={`${id}-from`} name="from" type="date" value={values.from} onChange={set('from')} aria-invalid={errors.from ? true : undefined} aria-describedby={errors.from ? `${id}-from-error` : undefined} />
          {errorFor('from')}
        </div>
        <div className="stat-field">
          <label htmlFor={`${id}-to`}>{t.to}</label>
          <input id={`${id}-to`} name="to" type="date" value={values.to} onChange={set('to')} aria-invalid={errors.to ? true : undefined} aria-describedby={errors.to ? `${id}-to-error` : undefined} />
          {errorFor('to')}
        </div>
        <div className="stat-field">
          <label htmlFor={`${id}-target`}>{t.target}</label>
          <input id={`${id}-target`} name="target" type="number" inputMode="numeric" min={1} max={600} value={values.target} onChange={set('target')} aria-invalid={errors.target ? true : undefined} aria-describedby={errors.target ? `${id}-target-error` : undefined} />
          {errorFor('target')}
        </div>
        <div className="stat-field">
          <label htmlFor={`${id}-endpoint`}>{t.narrowTo}</label>
          <select id={`${id}-endpoint`} name="endpoint" value={values.endpoint} onChange={set('endpoint')}>
            <option value="">{t.everyone}</option>
            {values.endpoint && !receptions.data && !employees.data && !groups.data ? <option value={values.endpoint}>{values.endpoint}</option> : null}
            <EndpointOptgroup label={t.receptions} kind="Reception" items={receptions.data} />
            <EndpointOptgroup label={t.groups} kind="EmployeeGroup" items={groups.data} />
            <EndpointOptgroup label={t.employees} kind="Employee" items={employees.data} />
          </select>
        </div>
        <Button type="submit">{t.show}</Button>
      </div>
    </form>
  );
}
