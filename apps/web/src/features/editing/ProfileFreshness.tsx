import { Link } from 'wouter';
import { useApiMutation } from '../../api/hooks';
import { paths } from '../../app/paths';
import { canActFor } from '../../auth/session';
import { useSession } from '../../auth/use-session';
import { ConfirmMunicipalityDocument, type Freshness } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { FreshnessBadge } from '../../ui/Freshness';
import { ErrorNotice } from '../../ui/QueryState';

interface Confirmable {
  key: string;
  version: number;
  freshness: Freshness;
  lastConfirmedOn: string;
}

/**
 * On a profile: how fresh it is; for its editors (and coordinators) a button to confirm it is
 * still true (nothing else changes) and a link to edit it.
 */
export function ProfileFreshness({ m }: { m: Confirmable }) {
  const { t } = useI18n();
  const mayEdit = canActFor(useSession().account, m.key);
  const confirm = useApiMutation(ConfirmMunicipalityDocument, ['MunicipalityProfile', 'EditMunicipality', 'Upkeep']);
  return (
    <div className="profile-freshness">
      <FreshnessBadge freshness={m.freshness} lastConfirmedOn={m.lastConfirmedOn} />
      {mayEdit && (
        <div className="button-row">
          <button type="button" className="button-secondary" disabled={confirm.isPending} onClick={() => confirm.mutate({ input: { key: m.key, version: m.version } })}>
            {t.flows.freshness.confirm}
          </button>
          <Link href={paths.editMunicipality(m.key)} className="button">
            {t.flows.edit.link}
          </Link>
          {confirm.isSuccess && (
            <span role="status" className="saved">
              {t.flows.freshness.confirmedNow}
            </span>
          )}
        </div>
      )}
      {confirm.error && <ErrorNotice error={confirm.error} />}
    </div>
  );
}
