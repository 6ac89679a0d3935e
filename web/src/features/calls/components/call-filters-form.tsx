/**
 * The filter form. Holds what a person types until they apply it; applying writes the filters to the URL
 * (the caller pushes a history entry). An invalid number or date is explained beside its field and nothing
 * is applied. Receptions and employees fill the endpoint choice; if they cannot load, the rest still works.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { formatPhoneNumber } from '@common/phone.ts';
import { Button } from '@/shared/ui/button.tsx';
import { EndpointOptgroup } from '@/shared/ui/endpoint-optgroup.tsx';
import { useMessages } from '@/lib/i18n.tsx';
import { callWords } from '@/shared/messages.ts';
import { employeeQueries } from '@/shared/api/employees.ts';
import { receptionQueries } from '@/shared/api/receptions.ts';
import { endpointNames } from '@/shared/model/endpoints.ts';
import { callsMessages } from '../messages.ts';
import {
  FILTER_DIRECTIONS,
  FILTER_STATUSES,
  formValuesFromFilters,
  parseFilterForm,
  type CallFilters,
  type FilterFormError,
  type FilterFormValues,
} from '@/shared/model/call-filters.ts';

export interface CallFiltersFormProps {
  filters: CallFilters;
  onApply: (filters: CallFilters) => void;
  onClear: () => void;
}

type Errors = Partial<Record<keyof FilterFormValues, FilterFormError>>;

export function CallFiltersForm({ filters, onApply, onClear }: CallFiltersFormProps) {
  const t = useMessages(callsMessages);
  const words = useMessages(callWords);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FilterFormValues>(() => {
    const initial = formValuesFromFilters(filters);
    return { ...initial, number: initial.number ? formatPhoneNumber(initial.number) : '' };
  });
  const [errors, setErrors] = useState<Errors>({});
  const receptions = useQuery(receptionQueries.list());
  const employees = useQuery(employeeQueries.list());

  const set = (name: keyof FilterFormValues) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((previous) => ({ ...previous, [name]: value }));
    if (errors[name]) setErrors((previous) => ({ ...previous, [name]: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = parseFilterForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      const firstInvalid = (['number', 'from', 'to'] as const).find((name) => result.errors[name]);
      if (firstInvalid) formRef.current?.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    setErrors({});
    onApply(result.filters);
  };

  const errorText = (error: FilterFormError | undefined) => (error ? t[error] : null);
  const fieldId = (name: string) => `${id}-${name}`;
  const described = (name: keyof FilterFormValues, hint = false) =>
    [hint ? fieldId(`${name}-hint`) : null, errors[name] ? fieldId(`${name}-error`) : null].filter(Boolean).join(' ') ||
    undefined;

  const knownEndpoints = endpointNames(receptions.data, employees.data);

  return (
    <form ref={formRef} className="call-filters" aria-labelledby={fieldId('heading')} onSubmit={onSubmit} noValidate>
      <h2 id={fieldId('heading')} className="visually-hidden">
        {t.filters}
      </h2>
      <div className="call-filters__fields">
        <div className="field">
          <label htmlFor={fieldId('direction')}>{t.filterDirection}</label>
          <select id={fieldId('direction')} name="direction" value={values.direction} onChange={set('direction')}>
            <option value="">{t.all}</option>
            {FILTER_DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {words.direction[direction]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId('status')}>{t.filterStatus}</label>
          <select id={fieldId('status')} name="status" value={values.status} onChange={set('status')}>
            <option value="">{t.all}</option>
            {FILTER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {words.status[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--wide">
          <label htmlFor={fieldId('number')}>{t.filterNumber}</label>
          <input
            id={fieldId('number')}
            name="number"
            type="text"
            inputMode="tel"
            autoComplete="off"
            value={values.number}
            onChange={set('number')}
            aria-invalid={errors.number ? true : undefined}
            aria-describedby={described('number', true)}
          />
          <p id={fieldId('number-hint')} className="field__hint">
            {t.filterNumberHint}
          </p>
          {errors.number ? (
            <p id={fieldId('number-error')} className="field__error">
              {errorText(errors.number)}
            </p>
          ) : null}
        </div>
        <div className="field field--wide">
          <label htmlFor={fieldId('endpoint')}>{t.filterEndpoint}</label>
          <select
            id={fieldId('endpoint')}
            name="endpoint"
            value={values.endpoint}
            onChange={set('endpoint')}
            aria-describedby={receptions.isError || employees.isError ? fieldId('endpoint-error') : undefined}
          >
            <option value="">{t.all}</option>
            {values.endpoint && !knownEndpoints.has(values.endpoint) ? (
              <option value={values.endpoint}>{values.endpoint}</option>
            ) : null}
            <EndpointOptgroup label={t.receptions} kind="Reception" items={receptions.data} />
            <EndpointOptgroup label={t.employees} kind="Employee" items={employees.data} />
          </select>
          {receptions.isError || employees.isError ? (
            <p id={fieldId('endpoint-error')} className="field__hint">
              {t.endpointsUnavailable}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={fieldId('from')}>{t.filterFrom}</label>
          <input
            id={fieldId('from')}
            name="from"
            type="date"
            value={values.from}
            max={values.to || undefined}
            onChange={set('from')}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={described('from')}
          />
          {errors.from ? (
            <p id={fieldId('from-error')} className="field__error">
              {errorText(errors.from)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={fieldId('to')}>{t.filterTo}</label>
          <input
            id={fieldId('to')}
            name="to"
            type="date"
            value={values.to}
            min={values.from || undefined}
            onChange={set('to')}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={described('to')}
          />
          {errors.to ? (
            <p id={fieldId('to-error')} className="field__error">
              {errorText(errors.to)}
            </p>
          ) : null}
        </div>
      </div>
      <div className="call-filters__actions">
        <Button type="submit">{t.apply}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setValues(formValuesFromFilters({}));
            setErrors({});
            onClear();
          }}
        >
          {t.clear}
        </Button>
      </div>
    </form>
  );
}
