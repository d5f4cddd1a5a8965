import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '#shared/org';
import { navigationFor } from '#web/config/navigation';

/** One card per page the user's roles open, with what it is for. */
export function WhatYouCanDo({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const items = navigationFor(roles).filter((item) => item.key !== 'home');
  return (
    <Row gutter={[16, 16]} data-testid="home-capabilities">
      {items.map((item) => (
        <Col key={item.key} xs={24} sm={12} lg={8}>
          <Link to={item.path} data-testid={`home-${item.key}`}>
            <Card hoverable title={t(item.label)}>
              <Typography.Text type="secondary">{t(item.help)}</Typography.Text>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
