import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDisputes, useToAcknowledge } from '#web/features/disputes/api/disputes';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { WorkFigure } from './work-figure';

/**
 * Disputes waiting for the user (issue 15), one figure per role held: the lead's evaluations to accept
 * or dispute, the inspector's disputes to answer, the supervisor's disputes to rule. Each figure comes
 * from the query of the page it opens.
 */
export function DisputeWork() {
  const { t } = useTranslation();
  const leads = useCan('dispute.raise');
  const rules = useCan('dispute.rule');
  const answers = useCan('dispute.answer') && !rules;
  const toAcknowledge = useToAcknowledge(leads);
  const toAnswer = useDisputes({ status: 'awaiting_inspector' }, answers);
  const toRule = useDisputes({ status: 'escalated' }, rules);
  if (!leads && !answers && !rules) return null;
  return (
    <Card title={t('home.disputes.title')} style={{ marginBottom: 24 }} data-testid="home-disputes">
      <Row gutter={[16, 16]}>
        {leads && (
          <Col xs={24} md={8}>
            <WorkFigure
              testId="home-disputes-acknowledge"
              title={t('home.disputes.toAcknowledge')}
              value={toAcknowledge.data?.total}
              suffix={t('home.units.evaluations')}
              loading={toAcknowledge.isPending}
              to={paths.disputes.getHref({ tab: 'acknowledge' })}
            />
          </Col>
        )}
        {answers && (
          <Col xs={24} md={8}>
            <WorkFigure
              testId="home-disputes-answer"
              title={t('home.disputes.toAnswer')}
              value={toAnswer.data?.total}
              suffix={t('home.units.disputes')}
              loading={toAnswer.isPending}
              to={paths.disputes.getHref({ status: 'awaiting_inspector' })}
            />
          </Col>
        )}
        {rules && (
          <Col xs={24} md={8}>
            <WorkFigure
              testId="home-disputes-rule"
              title={t('home.disputes.toRule')}
              value={toRule.data?.total}
              suffix={t('home.units.disputes')}
              loading={toRule.isPending}
              to={paths.disputes.getHref({ status: 'escalated' })}
            />
          </Col>
        )}
      </Row>
    </Card>
  );
}
