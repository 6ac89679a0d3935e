/** The signed-in employee's name (GET /employee), shown as plain text; cut short when long, whole in its title. */
import { useMessages } from '@/lib/i18n.tsx';
import { useSignedInEmployee } from '@/shared/api/employees.ts';
import { authMessages } from '../messages.ts';

export function EmployeeName() {
  const t = useMessages(authMessages);
  const employee = useSignedInEmployee();
  if (!employee.data) return null;
  return (
    <span className="employee-name" title={employee.data.name}>
      <span className="visually-hidden">{t.signedInAs} </span>
      {employee.data.name}
    </span>
  );
}
