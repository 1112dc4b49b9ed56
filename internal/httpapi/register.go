package httpapi

import "context"

type registerIn struct {
	Body struct {
		Email    string `json:"email" maxLength:"254"`
		Password string `json:"password" maxLength:"1024"`
		Name     string `json:"name" maxLength:"150"`
	}
}

// register signs a customer up on the tenant's host and signs it in; the
// login is linked to the business's customer record with its email.
func (s *Server) register(ctx context.Context, in *registerIn) (*loginOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.Identity.Register(ctx, realm, in.Body.Email, in.Body.Password, in.Body.Name, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	return s.loginAnswer(r), nil
}
