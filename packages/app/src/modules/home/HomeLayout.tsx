import { Content, Header, Page } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import { Box } from '@material-ui/core';

/** The home page: each widget a card, in one responsive grid. */
export const HomeLayout = (props: HomePageLayoutProps) => {
  const title = useApi(configApiRef).getOptionalString('app.title');
  return (
    <Page themeId="home">
      <Header title={title ?? 'Home'} subtitle="Start here" />
      <Content>
        <Box
          display="grid"
          style={{
            gap: 24,
            gridTemplateColumns: 'repeat(auto-fit, minmax(340px, 1fr))',
            alignItems: 'start',
          }}
        >
          {props.widgets.map((widget, i) => (
            <Box
              key={widget.name ?? i}
              data-testid={`home-widget-${widget.name}`}
            >
              {widget.component}
            </Box>
          ))}
        </Box>
      </Content>
    </Page>
  );
};
